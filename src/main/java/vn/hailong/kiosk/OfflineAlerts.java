package vn.hailong.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfflineAlerts extends JpaRepository<OfflineAlert, UUID> {

    Optional<OfflineAlert> findByOpenDeviceId(UUID deviceId);

    List<OfflineAlert> findByOpenDeviceIdIsNotNull();

    List<OfflineAlert> findByDeviceIdOrderByOpenedAt(UUID deviceId);
}
