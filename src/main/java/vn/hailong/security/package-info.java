/** Security: managers' accounts and log-in, integrators' API keys, and each user's scope of units. */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
@org.jspecify.annotations.NullMarked
package vn.hailong.security;
