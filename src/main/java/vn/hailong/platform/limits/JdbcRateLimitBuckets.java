package vn.hailong.platform.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import vn.hailong.platform.RateLimitBuckets;

/**
 * bucket4j's buckets in MariaDB, one row per key ({@code rate_limit_bucket}, migration V77), so
 * every node sees the same tokens. Each use is one short transaction on its own pooled connection:
 * {@code SELECT ... FOR UPDATE} of the row (inserted empty the first time), then the new state.
 * bucket4j's own MySQL/MariaDB modules are not served by the package mirror used here; this is
 * the same select-for-update protocol on the generic base class that bucket4j's core ships.
 * <p>
 * Each row carries when it may be forgotten (the time its bucket is full again, plus
 * {@link #KEEP_AFTER_FULL}); {@link #deleteExpired(int)} removes those, so the table holds only the
 * addresses seen in the last minutes.
 */
public final class JdbcRateLimitBuckets extends AbstractSelectForUpdateBasedProxyManager<String>
        implements RateLimitBuckets {

    static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);
    /** The longest key: a purpose and an IPv6 address or an account name fit well within it. */
    public static final int KEY_MAX_LENGTH = 191;

    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiry =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL);

    public JdbcRateLimitBuckets(DataSource dataSource) {
        super(ClientSideConfig.getDefault());
        this.dataSource = dataSource;
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        String k = key.length() <= KEY_MAX_LENGTH ? key : key.substring(0, KEY_MAX_LENGTH);
        return builder().build(k, configuration);
    }

    /** Removes up to {@code limit} rows whose buckets have been full for a while; returns how many. */
    public int deleteExpired(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete =
                        c.prepareStatement("DELETE FROM rate_limit_bucket WHERE expires_at < ? LIMIT ?")) {
            delete.setLong(1, System.currentTimeMillis());
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete expired rate-limit buckets", e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE bucket_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the rate-limit bucket", e);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> requestTimeoutNanos) {
        return new Transaction(key);
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final String key;
        private @Nullable Connection connection;

        Transaction(String key) {
            this.key = key;
        }

        private Connection connection() {
            if (connection == null) {
                throw new IllegalStateException("transaction not begun");
            }
            return connection;
        }

        @Override
        public void begin(Optional<Long> timeout) {
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw failure("begin", e);
            }
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
            try (PreparedStatement select = connection()
                    .prepareStatement("SELECT state FROM rate_limit_bucket WHERE bucket_key = ? FOR UPDATE")) {
                applyTimeout(select, timeout);
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw failure("lock", e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeout) {
            // IGNORE: another node may insert the same key at the same moment; then its row is locked next.
            try (PreparedStatement insert = connection()
                    .prepareStatement(
                            "INSERT IGNORE INTO rate_limit_bucket (bucket_key, state, expires_at) VALUES (?, NULL, ?)")) {
                applyTimeout(insert, timeout);
                insert.setString(1, key);
                insert.setLong(2, System.currentTimeMillis() + KEEP_AFTER_FULL.toMillis());
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("insert", e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
            long ttl = expiry.calculateTimeToLiveMillis(newState, currentTimeNanos());
            try (PreparedStatement update = connection()
                    .prepareStatement("UPDATE rate_limit_bucket SET state = ?, expires_at = ? WHERE bucket_key = ?")) {
                applyTimeout(update, timeout);
                update.setBytes(1, data);
                update.setLong(2, System.currentTimeMillis() + Math.max(ttl, 0));
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw failure("update", e);
            }
        }

        @Override
        public void commit(Optional<Long> timeout) {
            try {
                connection().commit();
            } catch (SQLException e) {
                throw failure("commit", e);
            }
        }

        @Override
        public void rollback() {
            try {
                connection().rollback();
            } catch (SQLException e) {
                throw failure("rollback", e);
            }
        }

        @Override
        public void release() {
            if (connection != null) {
                try {
                    connection.close(); // the pool restores auto-commit
                } catch (SQLException e) {
                    throw failure("release", e);
                } finally {
                    connection = null;
                }
            }
        }

        private IllegalStateException failure(String step, SQLException e) {
            return new IllegalStateException("rate-limit bucket " + step + " failed", e);
        }
    }
}
