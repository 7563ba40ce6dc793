/** The directory: agencies (time-versioned), service centres, counters, officers and procedures. */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
@org.jspecify.annotations.NullMarked
package vn.hailong.directory;
