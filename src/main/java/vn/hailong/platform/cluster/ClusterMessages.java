package vn.hailong.platform.cluster;

import java.util.function.Consumer;

/**
 * Short messages to the other nodes, best effort (ADR 086). For hints that make something happen
 * sooner (a kiosk shows its survey at once), never for facts: the database stays the truth, and a
 * node that misses a message learns the same from it a little later (its poll).
 */
public interface ClusterMessages {

    /** Sends to every other node; never blocks on the network and never throws. */
    void publish(String topic, String message);

    /** Receives what the other nodes publish on this topic (never this node's own); run the handle to stop. */
    Runnable subscribe(String topic, Consumer<String> receiver);

    /** Whether other nodes can hear this one (false on a single node). */
    boolean clustered();
}
