/** The index's storage: snapshot rows, their JSON, and the period inputs read model. */
@org.jspecify.annotations.NullMarked
package vn.hailong.index.internal;
