/**
 * Demo data: a made-up province with a year of dossiers, ratings and complaints, generated on the
 * default run ({@code hailong.demo.enabled=true}) so the dashboard has something to show. Nothing
 * in the application depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@org.jspecify.annotations.NullMarked
package vn.hailong.demo;
