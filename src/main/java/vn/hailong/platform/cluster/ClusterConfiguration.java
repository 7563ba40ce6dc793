package vn.hailong.platform.cluster;

import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One embedded Hazelcast member per node when {@code hailong.cluster.enabled=true}; otherwise
 * messages go nowhere (a single node has no one to tell) and no member, thread or port is started.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "hailong.cluster.enabled", havingValue = "false", matchIfMissing = true)
    ClusterMessages singleNode() {
        return new ClusterMessages() {
            @Override
            public void publish(String topic, String message) {}

            @Override
            public Runnable subscribe(String topic, Consumer<String> receiver) {
                return () -> {};
            }

            @Override
            public boolean clustered() {
                return false;
            }
        };
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(name = "hailong.cluster.enabled", havingValue = "true")
    HazelcastInstance clusterMember(ClusterProperties properties) {
        if (properties.memberList().isEmpty()) {
            throw new IllegalStateException(
                    "hailong.cluster.enabled=true needs hailong.cluster.members (HAILONG_CLUSTER_MEMBERS): "
                            + "the app nodes' host:port, e.g. 10.0.0.11:5701,10.0.0.12:5701");
        }
        Config config = new Config();
        config.setClusterName(properties.name());
        config.setInstanceName("hai-long-" + properties.bindAddress() + "-" + properties.port());
        // No phone-home to hazelcast.com, Spring's logging, Spring's shutdown order (not a JVM hook).
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Only the configured address, never every interface of the host.
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", properties.bindAddress());
        // A node starting while the others are down joins no one and starts at once, alone.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(properties.port()).setPortAutoIncrement(false);
        // (Hazelcast's REST endpoint is off unless configured; its switch is deprecated for removal.)
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(properties.memberList());
        config.getJetConfig().setEnabled(false);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        log.info(
                "Cluster member {} started on {}:{}; members now {}",
                properties.name(),
                properties.bindAddress(),
                properties.port(),
                member.getCluster().getMembers().size());
        return member;
    }

    @Bean
    @ConditionalOnProperty(name = "hailong.cluster.enabled", havingValue = "true")
    ClusterMessages clusterMessages(HazelcastInstance member, MeterRegistry meters) {
        Gauge.builder(
                        "hailong.cluster.members",
                        member,
                        m -> m.getLifecycleService().isRunning()
                                ? m.getCluster().getMembers().size()
                                : 0)
                .description("app nodes in this node's cluster (itself included)")
                .register(meters);
        return new ClusterMessages() {
            @Override
            public void publish(String topic, String message) {
                try {
                    ITopic<String> t = member.getTopic(topic);
                    t.publishAsync(message).exceptionally(e -> {
                        log.debug("Cluster message on {} not sent: {}", topic, e.toString());
                        return null;
                    });
                } catch (RuntimeException e) {
                    log.debug("Cluster message on {} not sent: {}", topic, e.toString());
                }
            }

            @Override
            public Runnable subscribe(String topic, Consumer<String> receiver) {
                ITopic<String> t = member.getTopic(topic);
                UUID id = t.addMessageListener(m -> {
                    if (!m.getPublishingMember().localMember()) {
                        receiver.accept(m.getMessageObject());
                    }
                });
                return () -> {
                    if (member.getLifecycleService().isRunning()) {
                        t.removeMessageListener(id);
                    }
                };
            }

            @Override
            public boolean clustered() {
                return true;
            }
        };
    }
}
