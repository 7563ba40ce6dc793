package vn.hailong.platform;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import vn.hailong.platform.management.StartupHealth;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness probe's start-up member is out of service until the last start-up task is done. */
class StartupReadinessTest {

    @Test
    void readiness_is_out_of_service_before_and_while_the_tasks_run_and_up_after_the_last() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        StartupTasks tasks = new StartupTasks(beans.getBeanProvider(StartupTask.class));
        StartupHealth health = new StartupHealth(tasks);
        List<Health> seenDuring = new ArrayList<>();
        beans.registerSingleton(
                "keys", StartupTask.of(StartupTask.Step.API_KEYS, () -> seenDuring.add(health.health())));
        beans.registerSingleton(
                "kiosks", StartupTask.of(StartupTask.Step.KIOSK_CONFIGURATION, () -> seenDuring.add(health.health())));

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.health().getDetails()).containsEntry("step", "NOT_STARTED");
        tasks.start();

        assertThat(seenDuring)
                .extracting(Health::getStatus)
                .containsExactly(Status.OUT_OF_SERVICE, Status.OUT_OF_SERVICE);
        assertThat(seenDuring)
                .extracting(h -> h.getDetails().get("step"))
                .containsExactly("API_KEYS", "KIOSK_CONFIGURATION");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_failing_task_leaves_the_node_not_ready() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        StartupTasks tasks = new StartupTasks(beans.getBeanProvider(StartupTask.class));
        beans.registerSingleton("demo", StartupTask.of(StartupTask.Step.DEMO_DATA, () -> {
            throw new IllegalStateException("demo data failed");
        }));
        try {
            tasks.start();
        } catch (IllegalStateException expected) {
            // the start fails, as it should
        }
        assertThat(new StartupHealth(tasks).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(new StartupHealth(tasks).health().getDetails()).containsEntry("step", "DEMO_DATA");
    }
}
