package vn.hailong.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface KioskDevices extends JpaRepository<KioskDevice, UUID> {

    Optional<KioskDevice> findByCode(String code);

    Optional<KioskDevice> findByCredentialHash(byte[] hash);

    Optional<KioskDevice> findByEnrolmentHash(byte[] hash);

    List<KioskDevice> findAllByOrderByCode();
}
