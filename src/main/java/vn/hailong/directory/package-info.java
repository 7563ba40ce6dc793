/** The directory: agencies (time-versioned), service centres, counters, officers and procedures. */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package vn.hailong.directory;
