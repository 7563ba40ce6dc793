package vn.hailong.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Handovers extends JpaRepository<Handover, UUID> {

    Optional<Handover> findFirstByCounterIdAndEndedAtIsNullAndExpiresAtAfterOrderByHandedOverAtDesc(UUID counterId, Instant now);

    List<Handover> findByCounterIdAndEndedAtIsNull(UUID counterId);

    List<Handover> findByHandedOverAtAfterOrderByHandedOverAt(Instant after);
}
