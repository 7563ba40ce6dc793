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
        // Before this class's own context starts (it starts when its test instance is prepared, or
        // below): the strategy now installed is the shared context's when that context is up. When
        // it is not up yet, the shared context installs its own strategy once it starts, after this
        // class, so putting back the one from before is right in both cases. (Taking the strategy
        // after SpringExtension.getApplicationContext(context) took this class's own context's.)
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
