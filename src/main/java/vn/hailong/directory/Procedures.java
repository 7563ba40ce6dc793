package vn.hailong.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Procedures extends JpaRepository<Procedure, UUID> {

    Optional<Procedure> findByCode(String code);
}
