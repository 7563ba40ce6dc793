package vn.hailong.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import vn.hailong.HaiLongApplication;

/**
 * A second node of the application in this JVM: its own Spring context, its own Tomcat on a fixed
 * port, its own Vaadin sessions, on the same database as the shared test context. It can be
 * stopped (its port closes, its sessions are gone, exactly as when a server process dies) and
 * started again on the same port. Tests that use it need {@code KeepsSecurityStrategy}.
 */
public final class AppNode implements AutoCloseable {

    private final int port;
    private final String jdbcUrl;
    private final String[] extraArgs;
    private final List<ApplicationListener<?>> listeners = new ArrayList<>();
    private ConfigurableApplicationContext context;

    public AppNode(String jdbcUrl, String... extraArgs) {
        this.port = freePort();
        this.jdbcUrl = jdbcUrl;
        this.extraArgs = extraArgs;
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public boolean running() {
        return context != null && context.isActive();
    }

    /** Listens to the node's application events from its next start on (to watch it start). */
    public AppNode listening(ApplicationListener<?> listener) {
        listeners.add(listener);
        return this;
    }

    /** Starts the node (again) on its port; returns once it serves requests. */
    public AppNode start() {
        if (running()) {
            throw new IllegalStateException("node on port " + port + " is running already");
        }
        String[] args = new String[5 + extraArgs.length];
        // Command-line arguments: they outrank application-test.yaml, which empties the datasource URL.
        args[0] = "--server.port=" + port;
        args[1] = "--spring.datasource.url=" + jdbcUrl;
        args[2] = "--spring.datasource.username=root";
        args[3] = "--spring.datasource.password=";
        // A dying server does not wait for open requests to finish.
        args[4] = "--server.shutdown=immediate";
        System.arraycopy(extraArgs, 0, args, 5, extraArgs.length);
        // Starting a context replaces Spring Security's static strategy (see KeepsSecurityStrategy);
        // the shared context keeps its own, which serves this node's requests as well.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try {
            context = new SpringApplicationBuilder(HaiLongApplication.class)
                    .profiles("test")
                    .listeners(listeners.toArray(ApplicationListener<?>[]::new))
                    .run(args);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        return this;
    }

    /** Stops the node as a dying server would: connections cut, port closed, sessions lost. */
    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
