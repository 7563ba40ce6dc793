/** JPA foundations: the entities' base class with its time-ordered UUID, and transaction helpers. */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.jpa;
