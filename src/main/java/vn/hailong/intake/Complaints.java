package vn.hailong.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Complaints extends JpaRepository<Complaint, UUID> {

    Optional<Complaint> findByExternalId(String externalId);

    List<Complaint> findByDossierId(UUID dossierId);
}
