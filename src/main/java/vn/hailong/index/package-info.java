/** The index: the scoring rules (Circular 01/2018, Decision 766, PAR survey component) and the ranking of units. */
@org.springframework.modulith.ApplicationModule(displayName = "Index")
@org.jspecify.annotations.NullMarked
package vn.hailong.index;
