package vn.hailong.followup;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpNotes extends JpaRepository<FollowUpNote, UUID> {

    List<FollowUpNote> findByCaseIdOrderByWrittenAt(UUID caseId);
}
