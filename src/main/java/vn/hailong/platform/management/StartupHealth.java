package vn.hailong.platform.management;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import vn.hailong.platform.StartupTasks;

/**
 * The {@code startup} member of the readiness group: OUT_OF_SERVICE until every start-up task (API
 * keys, demo data, the kiosk configuration) has run on this start, naming the step under way.
 * Flyway's migrations come before the tasks (they run while the beans are made), so UP also means
 * migrated.
 */
public final class StartupHealth implements HealthIndicator {

    private final StartupTasks tasks;

    public StartupHealth(StartupTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Health health() {
        return tasks.done()
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("step", tasks.currentStep().map(Enum::name).orElse("NOT_STARTED"))
                        .build();
    }
}
