/** Hài Lòng: the application's entry point; each capability is a module in a package below it. */
@org.jspecify.annotations.NullMarked
package vn.hailong;
