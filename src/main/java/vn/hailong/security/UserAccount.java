package vn.hailong.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import vn.hailong.platform.jpa.AbstractEntity;

/** A person who logs in to the manager UI. The password is stored only as an adaptive hash. */
@Entity
@Table(name = "user_account")
public class UserAccount extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Role role;

    /** The root of the units this user is responsible for; null for province-wide roles. */
    @Column(name = "agency_id", columnDefinition = "uuid")
    private @Nullable UUID agencyId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set when an administrator chose the password (creation, reset): the user must replace it. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private @Nullable Instant passwordChangedAt;

    // Where follow-up notifications go (optional; set by an administrator).
    @Column(name = "email")
    private @Nullable String email;

    /** The person's officer id in the one-stop software, when they also handle dossiers. */
    @Column(name = "one_stop_officer_id", length = 64)
    private @Nullable String oneStopOfficerId;

    protected UserAccount() {}

    UserAccount(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            @Nullable UUID agencyId,
            Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.agencyId = agencyId;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public @Nullable UUID getAgencyId() {
        return agencyId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable String getOneStopOfficerId() {
        return oneStopOfficerId;
    }

    void setOneStopOfficerId(@Nullable String oneStopOfficerId) {
        this.oneStopOfficerId = oneStopOfficerId;
    }

    public @Nullable String getEmail() {
        return email;
    }

    void setEmail(@Nullable String email) {
        this.email = email;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    @Nullable
    Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    /** A password set by someone else (an administrator): one-time, to be replaced at next log-in. */
    void setOneTimePassword(String hash, Instant at) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
        this.passwordChangedAt = at;
    }

    /** The user's own choice. */
    void setOwnPassword(String hash, Instant at) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
        this.passwordChangedAt = at;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void assign(Role role, @Nullable UUID agencyId) {
        this.role = role;
        this.agencyId = agencyId;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }
}
