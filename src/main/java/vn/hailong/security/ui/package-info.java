/** The security views: log-in, two-factor, password change, accounts and API keys. */
@org.jspecify.annotations.NullMarked
package vn.hailong.security.ui;
