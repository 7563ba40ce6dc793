/**
 * Paper forms keyed in: Circular 01's paper channel for centres without an integrator. A
 * data-entry clerk keys a form (its printed serial, the dossier code, the citizen's answers); the
 * rating is an ordinary PAPER rating under the rules of every channel. A configurable share of
 * forms is keyed a second time, blind, by another person; mismatches reach the integrity panel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paper forms")
@org.jspecify.annotations.NullMarked
package vn.hailong.paperform;
