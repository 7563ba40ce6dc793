package vn.hailong.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCentres extends JpaRepository<ServiceCentre, UUID> {

    Optional<ServiceCentre> findByCode(String code);
}
