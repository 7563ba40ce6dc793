package vn.hailong.platform.jpa;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.proxy.HibernateProxy;

import vn.hailong.platform.Ids;

/**
 * Base of every entity: an application-assigned time-ordered UUID (no auto-increment, so the
 * database can become a Galera cluster) and an optimistic-locking version, whose null value also
 * tells Spring Data that an entity is new.
 */
@MappedSuperclass
public abstract class AbstractEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID id = Ids.newId();

    @Version
    @Column(name = "version")
    private Long version;

    public UUID getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || effectiveClass(this) != effectiveClass(other)) {
            return false;
        }
        return Objects.equals(id, ((AbstractEntity) other).getId());
    }

    @Override
    public final int hashCode() {
        return effectiveClass(this).hashCode();
    }

    private static Class<?> effectiveClass(Object o) {
        return o instanceof HibernateProxy proxy
                ? proxy.getHibernateLazyInitializer().getPersistentClass()
                : o.getClass();
    }
}
