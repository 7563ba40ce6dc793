package vn.hailong.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.platform.PublicBaseUrl;

/** Issues and resolves the survey link of each dossier (the link printed as a QR on the receipt). */
@Service
@EnableConfigurationProperties(SurveyLinkProperties.class)
public class SurveyLinkService {

    private final SurveyLinkStore store;
    private final SurveyTokens tokens;
    private final DossierIntakeService intake;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;
    private final Duration validAfterReturn;

    SurveyLinkService(
            SurveyLinkStore store,
            DossierIntakeService intake,
            Clock clock,
            SurveyLinkProperties properties,
            PublicBaseUrl publicBaseUrl) {
        this.store = store;
        this.tokens = new SurveyTokens(properties.secret());
        this.intake = intake;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.validAfterReturn = properties.validAfterReturn();
    }

    /** A new dossier gets its link in the same transaction that stores it. */
    @EventListener
    void on(DossierRecorded recorded) {
        if (recorded.created()) {
            issue(List.of(recorded.dossierId()));
        }
    }

    /** Issues links for these dossiers; dossiers that already have one keep it. */
    @Transactional
    public void issue(Collection<DossierId> dossierIds) {
        // UTC wall time, as Hibernate stores Instants (hibernate.jdbc.time_zone=UTC); a
        // java.sql.Timestamp would be shifted by the JVM's default zone.
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        store.issue(
                dossierIds.stream()
                        .map(id ->
                                new SurveyLinkStore.NewLink(id.value(), SurveyTokens.hash(tokens.tokenFor(id.value()))))
                        .toList(),
                now);
    }

    /** The public address a citizen opens to rate this dossier. */
    public String linkFor(DossierId dossierId) {
        return publicBaseUrl.link(pathFor(dossierId));
    }

    /** The link's path, for links inside this application. */
    public String pathFor(DossierId dossierId) {
        return "/r/" + tokens.tokenFor(dossierId.value());
    }

    /**
     * Looks a token up. Every answer costs one indexed query, so unknown and known tokens take
     * the same time and cannot be told apart by timing.
     */
    @Transactional(readOnly = true)
    public ResolvedLink resolve(String token) {
        byte[] hash =
                SurveyTokens.hash(SurveyTokens.looksLikeToken(token) ? token : "~".repeat(SurveyTokens.TOKEN_LENGTH));
        List<UUID> found = store.dossiersOf(hash);
        if (found.isEmpty() || !SurveyTokens.looksLikeToken(token)) {
            return ResolvedLink.unknown();
        }
        UUID dossierId = found.getFirst();
        DossierDetails dossier = intake.find(DossierId.of(dossierId)).orElse(null);
        if (dossier == null) {
            return ResolvedLink.unknown();
        }
        if (dossier.returnedAt() != null
                && clock.instant().isAfter(dossier.returnedAt().plus(validAfterReturn))) {
            return new ResolvedLink(LinkState.EXPIRED, dossier);
        }
        return new ResolvedLink(LinkState.VALID, dossier);
    }
}
