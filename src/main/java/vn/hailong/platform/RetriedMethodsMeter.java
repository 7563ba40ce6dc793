package vn.hailong.platform;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.BeanUtils;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Metrics;

/**
 * The retries of {@code @Retryable} methods (handovers, kiosk writes) in the same meter as those of
 * {@link Retries}: {@code hailong.retries}, tagged with the reason of the failure retried. Spring
 * publishes a {@link MethodRetryEvent} for every failed attempt, whether or not another attempt
 * follows; one follows when the method's predicate accepts the failure and its {@code maxRetries}
 * are not used up, which is what is counted here (the failure that ends an exhausted retry is not a
 * retry, as with {@link Retries}).
 */
@Component
class RetriedMethodsMeter {

    /** Failed attempts so far, per call (the same invocation object for all its attempts); gone with the call. */
    private final Map<MethodInvocation, int[]> failures = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<Method, Spec> specs = new ConcurrentHashMap<>();

    private record Spec(long maxRetries, Predicate<Throwable> retried) {}

    @EventListener
    void on(MethodRetryEvent event) {
        MethodInvocation call = event.getSource();
        if (event.isRetryAborted()) {
            failures.remove(call);
            return;
        }
        Spec spec = specs.computeIfAbsent(event.getMethod(), RetriedMethodsMeter::specOf);
        int failed = failures.computeIfAbsent(call, c -> new int[1])[0]++;
        if (failed < spec.maxRetries() && spec.retried().test(event.getFailure())) {
            Metrics.counter(Retries.RETRIES_METER, "reason", Retries.reason(event.getFailure()))
                    .increment();
        }
    }

    private static Spec specOf(Method method) {
        Retryable retryable = AnnotatedElementUtils.findMergedAnnotation(method, Retryable.class);
        if (retryable == null) {
            retryable = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), Retryable.class);
        }
        if (retryable == null) {
            return new Spec(0, t -> false);
        }
        Predicate<Throwable> retried = t -> true;
        if (retryable.predicate() != MethodRetryPredicate.class) {
            retried = BeanUtils.instantiateClass(retryable.predicate()).forMethod(method);
        }
        Class<? extends Throwable>[] includes =
                retryable.includes().length > 0 ? retryable.includes() : retryable.value();
        if (includes.length > 0) {
            retried = retried.and(t -> Arrays.stream(includes).anyMatch(type -> type.isInstance(t)));
        }
        Class<? extends Throwable>[] excludes = retryable.excludes();
        if (excludes.length > 0) {
            retried = retried.and(t -> Arrays.stream(excludes).noneMatch(type -> type.isInstance(t)));
        }
        return new Spec(retryable.maxRetries(), retried);
    }
}
