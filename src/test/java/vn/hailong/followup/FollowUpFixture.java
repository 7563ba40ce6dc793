package vn.hailong.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;
import vn.hailong.security.AccountService;
import vn.hailong.security.ManagerContacts;
import vn.hailong.security.Role;

/** Units, dossiers, ratings and managers (with e-mail addresses of their own) for follow-up tests. */
record FollowUpFixture(
        DirectoryService directory,
        DossierIntakeService intake,
        RatingService ratings,
        AccountService accounts,
        ManagerContacts contacts) {

    String unit(String name, String parentCode) {
        String code = TestData.agencyCode();
        directory.upsertUnit(code, new UnitChange(name, "DEPARTMENT", parentCode, null, null, null, null));
        return code;
    }

    DossierDetails dossier(String unit, int sequence) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        return intake.upsert(
                        TestData.dossierCode(unit, sequence),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                "PROCESSING",
                                now.minusDays(3).toString(),
                                now.plusDays(5).toString(),
                                null,
                                List.of(),
                                0))
                .dossier();
    }

    RatingOutcome rate(DossierDetails d, String overall) {
        SecurityContextHolder.clearContext();
        return ratings.submit(new RatingSubmission(
                d.code(),
                "QR",
                "fu-" + UUID.randomUUID(),
                Map.of("overall", overall),
                overall.equals("DISSATISFIED") ? List.of("SLOW") : List.of(),
                null,
                null));
    }

    /** Creates an account (with an e-mail address when given) and returns its username. */
    String account(Role role, String agencyCode, String email) {
        String username = "fu-" + TestData.uniqueSuffix().toLowerCase();
        accounts.ensureAccount(username, "Fu-passw0rd!", "Người xử lý " + username, role, agencyCode);
        if (email != null) {
            contacts.setEmailAtStartup(username, email);
        }
        return username;
    }

    void logIn(String username, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }
}
