package vn.hailong.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.platform.Words;

/**
 * Who is responsible for a unit, and how to reach them by e-mail (follow-up notifications). Kept
 * apart from {@link AccountService} (account management lives there) and reading only the
 * account's e-mail column, which V50 added.
 */
@Service
public class ManagerContacts {

    static final int EMAIL_MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** An enabled manager with the unit their scope starts from (null for province-wide roles). */
    public record Contact(String username, String displayName, Role role, UUID agencyId, String email) {}

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;

    ManagerContacts(JdbcTemplate jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Enabled accounts with this role (with or without an e-mail address). */
    @Transactional(readOnly = true)
    public List<Contact> withRole(Role role) {
        return jdbc.query(
                "SELECT username, display_name, role, agency_id, email FROM user_account WHERE enabled AND role = ? ORDER BY username",
                (rs, i) -> new Contact(
                        rs.getString(1),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class),
                        rs.getString(5)),
                role.name());
    }

    /**
     * The unit managers responsible for a unit: enabled UNIT_MANAGER accounts whose own unit is
     * this unit or one above it (their scope, the subtree of their unit, includes it).
     */
    @Transactional(readOnly = true)
    public List<Contact> unitManagersOf(UUID unitId) {
        List<UUID> line = lineOf(unitId);
        return withRole(Role.UNIT_MANAGER).stream()
                .filter(c -> c.agencyId() != null && line.contains(c.agencyId()))
                .toList();
    }

    /** Whether this user is one of {@link #unitManagersOf(UUID) the unit managers responsible for the unit}. */
    @Transactional(readOnly = true)
    public boolean isUnitManagerOf(String username, UUID unitId) {
        return username != null
                && unitManagersOf(unitId).stream().anyMatch(c -> c.username().equals(username));
    }

    /** Sets (or, with a blank value, removes) an account's e-mail address. */
    @Transactional
    @PreAuthorize(Roles.IS_ADMIN)
    public void setEmail(String username, String email) {
        updateEmail(username, email);
    }

    /** The same without a log-in, for the demo accounts created at start-up. */
    @Transactional
    public void setEmailAtStartup(String username, String email) {
        updateEmail(username, email);
    }

    /** The address as stored: stripped, null for blank. @throws InvalidInputException naming {@code email} */
    static @Nullable String checkedEmail(@Nullable String email) {
        String value = email == null || email.isBlank() ? null : email.strip();
        if (value != null
                && (value.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(value).matches())) {
            throw InvalidInputException.malformed("email", Words.of("security.error.emailMalformed", Words.VI, value));
        }
        return value;
    }

    private void updateEmail(String username, String email) {
        String value = checkedEmail(email);
        if (jdbc.update("UPDATE user_account SET email = ? WHERE username = ?", value, username) == 0) {
            throw new NotFoundException("no account " + username);
        }
    }

    /** The unit and the units above it, nearest first. */
    private List<UUID> lineOf(UUID unitId) {
        ArrayList<UUID> line = new ArrayList<>();
        UUID current = unitId;
        while (current != null && !line.contains(current)) {
            line.add(current);
            current = directory
                    .findUnit(UnitId.of(current))
                    .map(AgencySummary::parentId)
                    .orElse(null);
        }
        return line;
    }
}
