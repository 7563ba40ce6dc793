package vn.hailong.platform;

/**
 * Work done once at start-up that requests depend on, run by {@link StartupTasks} in the order of
 * its {@link Step}, after the Flyway migrations and before the web server accepts connections.
 * Each task must be idempotent: every node runs it on every start.
 */
public interface StartupTask {

    /** The steps, in the order they run. */
    enum Step {
        /** The keys of {@code hailong.api.bootstrap-keys}: the first API call must find its key. */
        API_KEYS,
        /** The first administrator of {@code hailong.security.first-admin}: a fresh installation can be logged in to. */
        ACCOUNTS,
        /** The demo province on the default run: units, the service centre and its counters. */
        DEMO_DATA,
        /** Managers' API keys of {@code hailong.api.bootstrap-keys} (with {@code account}): their accounts exist by now. */
        MANAGER_API_KEYS,
        /** {@code kiosk-config/}: its devices name counters, which the demo data may create. */
        KIOSK_CONFIGURATION
    }

    Step step();

    void run();

    static StartupTask of(Step step, Runnable work) {
        return new StartupTask() {
            @Override
            public Step step() {
                return step;
            }

            @Override
            public void run() {
                work.run();
            }
        };
    }
}
