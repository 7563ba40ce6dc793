/** The embedded MariaDB server for the default run and the tests, never a production database. */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.embedded;
