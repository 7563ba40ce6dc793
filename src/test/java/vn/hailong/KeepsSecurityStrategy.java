package vn.hailong;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For test classes that start an application context of their own next to the shared one.
 * Vaadin installs its security-context strategy in a static field of SecurityContextHolder when a
 * context starts; a second context would leave the shared context's filters and method security
 * reading another strategy than the one requests write to (every API call then answers 401).
 * This puts the shared context's strategy back after the class.
 */
public class KeepsSecurityStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeepsSecurityStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // The shared context first (cached, so this costs nothing when it is up already): when this
        // class is the first to need it, the strategy to keep is the one it installs, not the one before.
        org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(context);
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy before = context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (before != null) {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
