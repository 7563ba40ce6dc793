package vn.hailong.platform.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cluster of app nodes (docs/operations.md "Production", ADR 086). Off by default.
 *
 * @param enabled whether this node starts its cluster member
 * @param name the cluster's name: members of another name are not joined (a guard against mistakes, not a secret)
 * @param bindAddress the address of this node's member, on the app nodes' private network
 * @param port the member's TCP port
 * @param members the other members (and this one), {@code host:port}; joined over TCP only, never by multicast
 */
@ConfigurationProperties("hailong.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("hai-long") String name,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("5701") int port,
        @Nullable List<String> members) {

    public List<String> memberList() {
        return members == null ? List.of() : members;
    }
}
