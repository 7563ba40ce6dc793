package vn.hailong.kiosk;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnboundRatingStore extends JpaRepository<UnboundRating, UUID> {

    Optional<UnboundRating> findByIdempotencyKey(String idempotencyKey);

    long countByDeviceId(UUID deviceId);
}
