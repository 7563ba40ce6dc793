package vn.hailong.kiosk;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** A kiosk that stayed silent too long during opening hours; open until it is heard again. */
@Entity
@Table(name = "kiosk_offline_alert")
class OfflineAlert extends AbstractEntity {

    @Column(name = "device_id", nullable = false, columnDefinition = "uuid")
    private UUID deviceId;

    @Column(name = "open_device_id", columnDefinition = "uuid")
    private @Nullable UUID openDeviceId;

    @Column(name = "offline_since", nullable = false)
    private Instant offlineSince;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    protected OfflineAlert() {}

    OfflineAlert(UUID deviceId, Instant offlineSince, Instant openedAt) {
        this.deviceId = deviceId;
        this.openDeviceId = deviceId;
        this.offlineSince = offlineSince;
        this.openedAt = openedAt;
    }

    void close(Instant at) {
        this.openDeviceId = null;
        this.closedAt = at;
    }

    UUID getDeviceId() {
        return deviceId;
    }

    Instant getOfflineSince() {
        return offlineSince;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    @Nullable
    Instant getClosedAt() {
        return closedAt;
    }
}
