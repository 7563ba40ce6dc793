package vn.hailong.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Officers extends JpaRepository<Officer, UUID> {

    Optional<Officer> findByExternalId(String externalId);

    List<Officer> findByExternalIdIn(Collection<String> externalIds);
}
