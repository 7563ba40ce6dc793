/**
 * The management side of a node: health probes, the Prometheus endpoint on its own port, and the
 * helpers each module's meters use (docs/operations.md, "Health and metrics").
 */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.management;
