package vn.hailong.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Agencies extends JpaRepository<Agency, UUID> {

    Optional<Agency> findByCode(String code);

    List<Agency> findAllByOrderByCode();
}
