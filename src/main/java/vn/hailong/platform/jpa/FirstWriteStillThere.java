package vn.hailong.platform.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hailong.platform.LostTransaction;

/**
 * Every transaction that writes an entity confirms, as its last statement before the commit, that
 * its first entity write is still there at the version it wrote (ADR 104). A transaction aborted
 * under us (a Galera BF abort whose error reached no statement) has lost that write, and its later
 * statements ran in a new implicit transaction; committing those would keep half the work (the
 * listeners' rows, the event publications) without the entity they are about. The check finds it
 * and throws {@link LostTransaction}, which rolls that half back and is retried as a lost race.
 *
 * <p>One write is enough: an abort rolls back everything the transaction wrote before it, so if
 * the first write is still there, nothing before the check was lost. Done once here, in Hibernate's
 * post-insert/update events and a transaction synchronization, rather than by a read-back in each
 * service (the first two, rating and dossier, were written that way). Costs one primary-key count
 * per writing transaction. Not covered: transactions whose writes are all plain JDBC (the rollup
 * worker has its own token for that, ADR 104).
 */
@Configuration(proxyBeanMethods = false)
class FirstWriteStillThere {

    @Bean
    HibernatePropertiesCustomizer firstWriteConfirmedBeforeCommit() {
        IntegratorProvider provider = () -> List.of(new Listeners());
        return (Map<String, Object> properties) -> properties.put("hibernate.integrator_provider", provider);
    }

    /** Notes each transaction's first entity write, and forgets it again when that entity is deleted. */
    static final class Listeners
            implements Integrator, PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

        @Override
        public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor sessionFactory) {
            EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
            registry.appendListeners(EventType.POST_INSERT, this);
            registry.appendListeners(EventType.POST_UPDATE, this);
            registry.appendListeners(EventType.POST_DELETE, this);
        }

        @Override
        public void onPostInsert(PostInsertEvent event) {
            written(event.getEntity(), event.getPersister(), event.getSession());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            written(event.getEntity(), event.getPersister(), event.getSession());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            Check check = current();
            if (check != null && check.entity == event.getEntity()) {
                check.entity = null; // the next write is the one to confirm
            }
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }

        private static void written(Object entity, EntityPersister persister, Object session) {
            if (!(entity instanceof AbstractEntity written)
                    || !(session instanceof Session hibernate)
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return;
            }
            Check check = current();
            if (check == null) {
                TransactionSynchronizationManager.registerSynchronization(
                        new Check(written, persister.getEntityName(), tableOf(persister), hibernate));
            } else if (check.entity == null) {
                check.entity = written;
                check.entityName = persister.getEntityName();
                check.table = tableOf(persister);
            }
        }

        /** The entity's table, where the persister names one (every AbstractEntity here has one table). */
        private static @Nullable String tableOf(EntityPersister persister) {
            return persister instanceof AbstractEntityPersister single ? single.getTableName() : null;
        }

        private static @Nullable Check current() {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof Check check) {
                    return check;
                }
            }
            return null;
        }
    }

    /** This transaction's first entity write, checked last. */
    static final class Check implements TransactionSynchronization, Ordered {

        @Nullable
        AbstractEntity entity;

        String entityName;

        @Nullable
        String table;

        final Session session;

        Check(AbstractEntity entity, String entityName, @Nullable String table, Session session) {
            this.entity = entity;
            this.entityName = entityName;
            this.table = table;
            this.session = session;
        }

        /** After every other synchronization's writes. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (entity == null || !session.isOpen()) {
                return;
            }
            session.flush(); // what is left to write goes first, in this transaction
            AbstractEntity first = entity;
            if (first == null) {
                return;
            }
            String from = table;
            // Plain JDBC on the session's connection where the table is known: the same count for
            // a fraction of an HQL query's work (2.8 % of a dossier PUT's CPU as HQL, JFR 2026-12-07).
            Long rows = from != null
                    ? session.doReturningWork(connection -> countOf(connection, from, first))
                    : session.createSelectionQuery(
                                    "select count(*) from " + entityName
                                            + " e where e.id = :id and e.version = :version",
                                    Long.class)
                            .setParameter("id", first.getId())
                            .setParameter("version", first.getVersion())
                            .getSingleResult();
            if (rows == null || rows != 1) {
                throw new LostTransaction("the transaction was aborted under it (its write of " + entityName
                        + " is gone) and went on in another; rolled back to try again");
            }
        }

        private static Long countOf(Connection connection, String table, AbstractEntity entity) throws SQLException {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ? AND version = ?")) {
                count.setString(1, entity.getId().toString());
                count.setObject(2, entity.getVersion());
                try (ResultSet rs = count.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        }
    }
}
