package vn.hailong.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Officers extends JpaRepository<Officer, UUID> {

    Optional<Officer> findByExternalId(String externalId);

    java.util.List<Officer> findByExternalIdIn(java.util.Collection<String> externalIds);
}
