package vn.hailong.followup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpCases extends JpaRepository<FollowUpCase, UUID> {

    Optional<FollowUpCase> findByRatingId(UUID ratingId);

    List<FollowUpCase> findByResponsibleUnitIdAndStatusNotOrderByDueOn(UUID unitId, CaseStatus status);
}
