package vn.hailong.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Spring's own retry ({@code @Retryable}, Spring Framework 7): writes that can lose a race to
 * another request or another node retry with backoff and jitter, declared on the service method.
 * Its advice wraps {@code @Transactional}, so every attempt runs in a fresh transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
public class ResilienceConfiguration {}
