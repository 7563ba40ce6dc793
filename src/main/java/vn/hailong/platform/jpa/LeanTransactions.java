package vn.hailong.platform.jpa;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Transactions without per-transaction session toggles. By default every read-only transaction
 * switches the connection to READ ONLY and back (two statements around what is often a single
 * select), and a transaction asking for an isolation level reads and sets the session's level. Every
 * transaction here runs at the pool's READ COMMITTED (spring.datasource.hikari.transaction-isolation),
 * and read-only ones still skip Hibernate's flush; so the JDBC connection is not prepared per
 * transaction. An explicit isolation level on a transaction would therefore be ignored: none is used.
 */
@Configuration(proxyBeanMethods = false)
class LeanTransactions {

    @Bean
    static BeanPostProcessor connectionsNotPreparedPerTransaction() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter adapter) {
                    adapter.setPrepareConnection(false);
                }
                return bean;
            }
        };
    }
}
