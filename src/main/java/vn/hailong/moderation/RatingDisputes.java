package vn.hailong.moderation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingDisputes extends JpaRepository<RatingDispute, UUID> {

    List<RatingDispute> findByRatingIdOrderByRaisedAt(UUID ratingId);

    List<RatingDispute> findByStatusOrderByRaisedAt(DisputeStatus status);

    List<RatingDispute> findByStatusAndUnitIdInOrderByRaisedAt(DisputeStatus status, Collection<UUID> units);

    boolean existsByRatingIdAndStatus(UUID ratingId, DisputeStatus status);
}
