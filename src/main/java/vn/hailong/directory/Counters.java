package vn.hailong.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Counters extends JpaRepository<Counter, UUID> {

    Optional<Counter> findByCode(String code);
}
