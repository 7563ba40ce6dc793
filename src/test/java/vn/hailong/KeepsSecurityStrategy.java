package vn.hailong;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContextManager;

/**
 * For test classes that start an application context of their own next to the shared one.
 * Vaadin installs its security-context strategy in a static field of SecurityContextHolder when a
 * context starts; a second context would leave the shared context's filters and method security
 * reading another strategy than the one requests write to (every API call then answers 401).
 * This puts the shared context's strategy back after the class.
 */
public class KeepsSecurityStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeepsSecurityStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // The shared context's strategy is the one to keep. Load that context by a class of its own
        // (from the context cache when it is up, so this costs nothing then): neither the strategy
        // before this class (the shared context may start during it, when the class starts extra
        // nodes itself) nor the one after this class's own context (a class with a context of its
        // own) would be it.
        new TestContextManager(Shared.class).getTestContext().getApplicationContext();
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    /** Stands for every {@link HaiLongTest} class: the same configuration, so the same cached context. */
    @HaiLongTest
    static final class Shared {}

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy before =
                context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (before != null) {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
