/** Rate limits shared by the nodes: Bucket4j buckets kept in the database. */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.limits;
