/** The web edge for machines: RFC 9457 problems on their paths, request limits and security headers. */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.web;
