package vn.hailong.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Handovers extends JpaRepository<Handover, UUID> {

    List<Handover> findByCounterIdAndEndedAtIsNullAndWaitingFalse(UUID counterId);

    /**
     * The counter's open handovers, read as committed now (a locking read, under any isolation
     * level) and locked until the transaction ends.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Handover> findByCounterIdAndEndedAtIsNull(UUID counterId);

    List<Handover> findByHandedOverAtAfterOrderByHandedOverAt(Instant after);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT h FROM Handover h WHERE h.id = :id")
    Optional<Handover> findLockedById(@Param("id") UUID id);
}
