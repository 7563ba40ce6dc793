/**
 * Messages between the nodes of a cluster (ADR 086): an embedded Hazelcast member per node, joined
 * over TCP to the members listed in the configuration, started only with
 * {@code hailong.cluster.enabled=true}; a single node (the default) starts nothing and opens no port.
 */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.cluster;
