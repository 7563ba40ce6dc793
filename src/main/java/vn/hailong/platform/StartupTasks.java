package vn.hailong.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s, in the order of their steps, before the web server opens its port:
 * a node answers no request until its keys, its demo data and its kiosk configuration are in place.
 * Flyway has migrated the schema by then (it runs while the beans are created, before any
 * lifecycle starts); long repairs of derived data (the rollup rebuild) run after, on
 * {@code ApplicationReadyEvent}, as they are correct to run while requests are served.
 *
 * <p>Why a lifecycle phase: Boot's {@code WebServerStartStopLifecycle} opens Tomcat's connectors
 * in phase {@code DEFAULT_PHASE - 2048} (Boot 4.1; the class is package-private), and lower phases
 * start first, so this phase states the order to the web server in one number. An
 * {@code ApplicationRunner} runs only after the port is open (early calls would get 401, and runners
 * of equal order run in no defined order); {@code SmartInitializingSingleton}s run in bean
 * registration order, which nothing here controls. A failing task fails the start, and the port
 * never opens.
 */
@Component
public final class StartupTasks implements SmartLifecycle {

    /** Below the web server's start phase ({@code DEFAULT_PHASE - 2048}), with room for others between. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    private final ObjectProvider<StartupTask> tasks;
    private volatile boolean running;
    private volatile boolean done;
    private volatile StartupTask.@Nullable Step current;

    StartupTasks(ObjectProvider<StartupTask> tasks) {
        this.tasks = tasks;
    }

    /** The tasks in the order they run: by step; tasks of one step in their bean order. */
    List<StartupTask> inOrder() {
        return tasks.orderedStream()
                .sorted(Comparator.comparing(StartupTask::step))
                .toList();
    }

    @Override
    public void start() {
        for (StartupTask task : inOrder()) {
            long started = System.nanoTime();
            current = task.step();
            task.run();
            log.info("Start-up step {} done in {} ms", task.step(), (System.nanoTime() - started) / 1_000_000);
        }
        current = null;
        done = true;
        running = true;
    }

    /**
     * Whether every task has run on this start: the readiness probe reports the node ready only
     * then (vn.hailong.platform.management), so a load balancer sends it no request before.
     */
    public boolean done() {
        return done;
    }

    /** The step running now, if the tasks are under way. */
    public Optional<StartupTask.Step> currentStep() {
        return Optional.ofNullable(current);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
