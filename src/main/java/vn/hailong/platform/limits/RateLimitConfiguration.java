package vn.hailong.platform.limits;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The shared rate-limit buckets, and the job that forgets those of addresses gone quiet. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    JdbcRateLimitBuckets rateLimitBuckets(DataSource dataSource) {
        return new JdbcRateLimitBuckets(dataSource);
    }

    @Bean
    ExpiredBuckets expiredRateLimitBuckets(JdbcRateLimitBuckets buckets) {
        return new ExpiredBuckets(buckets);
    }

    /** Any node may run it; two at once only delete the same rows. */
    static final class ExpiredBuckets {

        private final JdbcRateLimitBuckets buckets;

        ExpiredBuckets(JdbcRateLimitBuckets buckets) {
            this.buckets = buckets;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
        void deleteExpired() {
            try {
                int deleted;
                do {
                    deleted = buckets.deleteExpired(1000);
                } while (deleted == 1000);
            } catch (RuntimeException e) {
                log.warn("Could not delete expired rate-limit buckets; trying again later: {}", e.toString());
            }
        }
    }
}
