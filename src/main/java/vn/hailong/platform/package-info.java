/**
 * Shared infrastructure every capability may use: time, the embedded database for the default
 * run and the tests, identifiers and the error vocabulary that the API turns into problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.hailong.platform;
