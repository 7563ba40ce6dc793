package vn.hailong.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.dashboard.internal.CounterDeskReadModel;
import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.security.AccountService;
import vn.hailong.security.ScopeService;

/**
 * The officer's own page: the counters of their unit's service centres, each counter's kiosk
 * (online or not, ratings waiting to be sent) and the day's handovers there with whether each
 * dossier has been rated. Never what the citizen answered: an officer must not learn who rated
 * them how, and can never rate (the rating service refuses staff).
 */
@Service
@PreAuthorize(Roles.OFFICER_OR_ADMIN)
@Transactional(readOnly = true)
public class CounterDeskService {

    /** A kiosk is online when it has been heard from within this long (as the administrators' list says). */
    static final Duration ONLINE_WITHIN = Duration.ofSeconds(150);

    private final CounterDeskReadModel queries;
    private final ScopeService scopes;
    private final DirectoryService directory;
    private final Clock clock;
    private final AccountService accounts;

    CounterDeskService(
            CounterDeskReadModel queries,
            ScopeService scopes,
            DirectoryService directory,
            Clock clock,
            AccountService accounts) {
        this.accounts = accounts;
        this.queries = queries;
        this.scopes = scopes;
        this.directory = directory;
        this.clock = clock;
    }

    public record Counter(UUID id, String code, String name, String centreName) {}

    public enum KioskState {
        ONLINE,
        OFFLINE,
        NOT_ENROLLED,
        REVOKED
    }

    public record Kiosk(
            String code, KioskState state, @Nullable Instant lastSeenAt, int unsentRatings) {}

    /** What became of a handover at the counter: still on the tablet, waiting behind another survey, or how it ended. */
    public enum HandoverState {
        SHOWN,
        WAITING,
        SENT,
        ABANDONED,
        NOT_MINE,
        REPLACED,
        EXPIRED
    }

    /** A handover of the day: when, which dossier, by whom, what became of it, and whether the dossier is rated (not how). */
    public record HandoverToday(
            Instant handedOverAt, String dossierCode, String officer, HandoverState state, boolean rated) {}

    public record Desk(Counter counter, List<Kiosk> kiosks, List<HandoverToday> handovers, LocalDate day) {

        public long rated() {
            return handovers.stream().filter(HandoverToday::rated).count();
        }
    }

    /** The counters the user may follow: those of the service centres of their unit and the units below it. */
    public List<Counter> counters() {
        return queries.counters(units()).stream()
                .map(c -> new Counter(c.id(), c.code(), c.name(), c.centreName()))
                .toList();
    }

    /**
     * The counter the user works at, as far as the one-stop software tells: that of the latest
     * handover under their account's one-stop officer id, when it is one of {@link #counters()}.
     * Empty for an account without the id, or whose officer never handed a dossier over here.
     */
    public Optional<Counter> myCounter() {
        Optional<String> officerId = scopes.currentAccount()
                .flatMap(a -> accounts.oneStopOfficerId(a.username()))
                .filter(id -> !id.isBlank());
        if (officerId.isEmpty()) {
            return Optional.empty();
        }
        return queries.latestCounterOf(officerId.get())
                .flatMap(
                        id -> counters().stream().filter(c -> c.id().equals(id)).findFirst());
    }

    /** A counter's kiosks and today's handovers; refused for a counter outside the user's unit. */
    public Desk today(UUID counterId) {
        Counter counter = counters().stream()
                .filter(c -> c.id().equals(counterId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("counter outside your unit"));
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.now(clock);
        List<Kiosk> kiosks = queries.devices(counterId).stream()
                .map(d -> new Kiosk(d.code(), kioskState(d, now), d.lastSeenAt(), d.unsentRatings()))
                .toList();
        List<HandoverToday> handovers = queries
                .handovers(
                        counterId,
                        day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(h -> new HandoverToday(
                        h.handedOverAt(),
                        h.dossierCode(),
                        h.officerName() == null ? h.officerId() : h.officerName(),
                        handoverState(h, now),
                        h.rated()))
                .toList();
        return new Desk(counter, kiosks, handovers, day);
    }

    static KioskState kioskState(CounterDeskReadModel.DeviceRow d, Instant now) {
        if (d.revokedAt() != null) {
            return KioskState.REVOKED;
        }
        if (d.enrolledAt() == null) {
            return KioskState.NOT_ENROLLED;
        }
        return d.lastSeenAt() != null && d.lastSeenAt().isAfter(now.minus(ONLINE_WITHIN))
                ? KioskState.ONLINE
                : KioskState.OFFLINE;
    }

    static HandoverState handoverState(CounterDeskReadModel.HandoverRow h, Instant now) {
        if (h.outcome() != null) {
            return HandoverState.valueOf(h.outcome());
        }
        if (h.endedAt() != null || !now.isBefore(h.expiresAt())) {
            return HandoverState.EXPIRED;
        }
        return h.waiting() ? HandoverState.WAITING : HandoverState.SHOWN;
    }

    private Set<UUID> units() {
        AccountService.Account account =
                scopes.currentAccount().orElseThrow(() -> new AccessDeniedException("not logged in"));
        if (account.agencyId() == null) {
            // Province-wide accounts (an administrator helping an officer): every centre.
            return directory.allUnitIds().stream().map(UnitId::value).collect(Collectors.toUnmodifiableSet());
        }
        return directory.subtreeOf(UnitId.of(account.agencyId())).stream()
                .map(UnitId::value)
                .collect(Collectors.toUnmodifiableSet());
    }
}
