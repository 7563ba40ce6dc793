package vn.hailong.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiClients extends JpaRepository<ApiClient, UUID> {

    Optional<ApiClient> findByKeyHash(byte[] keyHash);

    Optional<ApiClient> findByName(String name);
}
