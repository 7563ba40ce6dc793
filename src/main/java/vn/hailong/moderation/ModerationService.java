package vn.hailong.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.audit.AuditEvent;
import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingStatus;
import vn.hailong.security.AccessScope;
import vn.hailong.security.AccountService;
import vn.hailong.security.Role;
import vn.hailong.security.ScopeService;

/**
 * Disputes and decisions. Who may do what:
 * <ul>
 * <li>raise a dispute: a unit manager for ratings of their units, a province manager or an admin;</li>
 * <li>decide it: a province manager or an admin <em>other than the person who raised it</em> (a
 * unit never decides on its own ratings);</li>
 * <li>read the history: those, and the auditor.</li>
 * </ul>
 * An upheld dispute changes only the rating's status, through {@link RatingService#exclude} or
 * {@link RatingService#restore}; a reversal is a new dispute of kind RESTORE, decided the same way.
 */
@Service
@PreAuthorize(Roles.MANAGERS_AND_AUDITORS)
public class ModerationService {

    private final RatingDisputes disputes;
    private final RatingService ratings;
    private final DossierIntakeService intake;
    private final DirectoryService directory;
    private final ScopeService scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationService(
            RatingDisputes disputes,
            RatingService ratings,
            DossierIntakeService intake,
            DirectoryService directory,
            ScopeService scope,
            ApplicationEventPublisher events,
            Clock clock) {
        this.disputes = disputes;
        this.ratings = ratings;
        this.intake = intake;
        this.directory = directory;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** A rating with its dispute history, and what the current user may do with it. */
    public record RatingCase(
            RatingFacts rating,
            String dossierCode,
            String unitName,
            List<DisputeDetails> history,
            boolean mayDispute,
            @Nullable DisputeDetails openDispute,
            boolean mayDecide) {}

    /** An open dispute in a list, with what identifies its rating to a person. */
    public record OpenDispute(
            DisputeDetails dispute,
            String dossierCode,
            String unitName,
            String overallOption,
            @Nullable String comment) {}

    /** The rating, its disputes (oldest first), and whether the current user may dispute or decide now. */
    @Transactional(readOnly = true)
    public RatingCase ratingCase(RatingId ratingId) {
        RatingFacts rating = visibleRating(ratingId);
        List<DisputeDetails> history = disputes.findByRatingIdOrderByRaisedAt(ratingId.value()).stream()
                .map(RatingDispute::details)
                .toList();
        DisputeDetails open = history.stream()
                .filter(d -> d.status() == DisputeStatus.OPEN)
                .findFirst()
                .orElse(null);
        Role role = scope.currentAccount().map(AccountService.Account::role).orElse(null);
        String me = scope.currentAccount().map(AccountService.Account::username).orElse(null);
        boolean disputable = rating.status() == RatingStatus.COUNTED || rating.status() == RatingStatus.EXCLUDED;
        boolean mayDispute = open == null
                && disputable
                && (role == Role.ADMIN || role == Role.PROVINCE_MANAGER || role == Role.UNIT_MANAGER);
        boolean mayDecide = open != null
                && (role == Role.ADMIN || role == Role.PROVINCE_MANAGER)
                && !open.raisedBy().equals(me);
        return new RatingCase(
                rating,
                // rating.dossier_id: a NOT NULL foreign key, and dossiers are never deleted.
                Objects.requireNonNull(
                        intake.codesOf(List.of(rating.dossierId())).get(rating.dossierId())),
                unitName(rating.unitId().value()),
                history,
                mayDispute,
                open,
                mayDecide);
    }

    /**
     * Disputes a rating: a counted one to be excluded, an excluded one to count again.
     *
     * @throws ConflictException when the rating has an open dispute, or neither counts nor is excluded
     */
    @Transactional
    @PreAuthorize(Roles.MANAGERS)
    public DisputeDetails dispute(RatingId ratingId, @Nullable DisputeReason reason, @Nullable String note) {
        RatingFacts rating = visibleRating(ratingId);
        DisputeKind kind = switch (rating.status()) {
            case COUNTED -> DisputeKind.EXCLUDE;
            case EXCLUDED -> DisputeKind.RESTORE;
            default ->
                throw new ConflictException(
                        "ratingId", "a " + rating.status() + " rating does not count; there is nothing to dispute");
        };
        if (disputes.existsByRatingIdAndStatus(ratingId.value(), DisputeStatus.OPEN)) {
            throw new ConflictException("ratingId", "this rating already has a dispute awaiting its decision");
        }
        RatingDispute dispute =
                new RatingDispute(ratingId.value(), rating.unitId().value(), kind, reason, note, me(), clock.instant());
        try {
            disputes.saveAndFlush(dispute);
        } catch (DataIntegrityViolationException raced) {
            // Someone else disputed it at the same moment (the unique key on open disputes).
            throw new ConflictException("ratingId", "this rating already has a dispute awaiting its decision");
        }
        events.publishEvent(new RatingDisputed(
                dispute.getId(),
                ratingId,
                rating.unitId(),
                kind,
                dispute.getReason(),
                dispute.getNote(),
                dispute.getRaisedBy(),
                dispute.getRaisedAt()));
        events.publishEvent(AuditEvent.of(
                AuditAction.MODERATION_DISPUTED,
                "rating " + ratingId,
                kind + " " + dispute.getReason() + (dispute.getNote() == null ? "" : ": " + dispute.getNote())));
        return dispute.details();
    }

    /**
     * A second person decides. Upheld: the rating is excluded (or counted again, for a RESTORE
     * dispute) through the rating module, which publishes {@code RatingStatusChanged}.
     *
     * @throws AccessDeniedException when the decider raised the dispute
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public DisputeDetails decide(UUID disputeId, boolean uphold, String note) {
        RatingDispute dispute = disputes.findById(disputeId)
                .filter(d -> scope.currentScope().includes(UnitId.of(d.getUnitId())))
                .orElseThrow(() -> new NotFoundException("no dispute " + disputeId));
        dispute.decide(me(), uphold, note, clock.instant());
        disputes.saveAndFlush(dispute);
        RatingStatus after;
        if (!uphold) {
            after = ratings.facts(RatingId.of(dispute.getRatingId()))
                    .orElseThrow()
                    .status();
        } else if (dispute.getKind() == DisputeKind.EXCLUDE) {
            after = ratings.exclude(RatingId.of(dispute.getRatingId())).status();
        } else {
            after = ratings.restore(RatingId.of(dispute.getRatingId())).status();
        }
        events.publishEvent(new ModerationDecided(
                dispute.getId(),
                RatingId.of(dispute.getRatingId()),
                UnitId.of(dispute.getUnitId()),
                dispute.getKind(),
                dispute.getReason(),
                uphold,
                dispute.getRaisedBy(),
                Objects.requireNonNull(dispute.getDecidedBy()), // decided just above
                dispute.getDecisionNote(),
                Objects.requireNonNull(dispute.getDecidedAt()),
                after));
        events.publishEvent(AuditEvent.of(
                AuditAction.MODERATION_DECIDED,
                "rating " + dispute.getRatingId(),
                (uphold ? "upheld " : "rejected ") + dispute.getKind() + " " + dispute.getReason() + " raised by "
                        + dispute.getRaisedBy() + (note == null || note.isBlank() ? "" : ": " + note)));
        return dispute.details();
    }

    /** What the current user may do about a rating from its dossier's page. */
    public enum DisputeLink {
        /** Raise a dispute (to exclude a counted rating, or to count an excluded one again). */
        RAISE,
        /** See the dispute awaiting its decision (a rating has at most one). */
        SEE_OPEN
    }

    /**
     * For the dossier page: of these ratings, those the current user may dispute now, or whose
     * dispute awaits a decision, with the link to show; the same rules as {@link #ratingCase}.
     * Ratings outside the user's scope, ratings that neither count nor are excluded, and every
     * rating for those who may not raise disputes (the auditor) are left out.
     */
    @Transactional(readOnly = true)
    public Map<RatingId, DisputeLink> disputeLinks(Collection<RatingId> ratingIds) {
        Role role = scope.currentAccount().map(AccountService.Account::role).orElse(null);
        Map<RatingId, DisputeLink> links = new LinkedHashMap<>();
        if (role != Role.ADMIN && role != Role.PROVINCE_MANAGER && role != Role.UNIT_MANAGER) {
            return links;
        }
        AccessScope visible = scope.currentScope();
        for (RatingId ratingId : ratingIds) {
            ratings.facts(ratingId).filter(r -> visible.includes(r.unitId())).ifPresent(r -> {
                if (disputes.existsByRatingIdAndStatus(ratingId.value(), DisputeStatus.OPEN)) {
                    links.put(ratingId, DisputeLink.SEE_OPEN);
                } else if (r.status() == RatingStatus.COUNTED || r.status() == RatingStatus.EXCLUDED) {
                    links.put(ratingId, DisputeLink.RAISE);
                }
            });
        }
        return links;
    }

    /** Disputes awaiting a decision in the current user's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenDispute> openDisputes() {
        AccessScope visible = scope.currentScope();
        List<RatingDispute> open = visible.allUnits()
                ? disputes.findByStatusOrderByRaisedAt(DisputeStatus.OPEN)
                : visible.unitIds().isEmpty()
                        ? List.of()
                        : disputes.findByStatusAndUnitIdInOrderByRaisedAt(
                                DisputeStatus.OPEN,
                                visible.unitIds().stream().map(UnitId::value).toList());
        return open.stream()
                .map(d -> {
                    RatingFacts r = ratings.facts(RatingId.of(d.getRatingId())).orElseThrow();
                    Map<DossierId, String> codes = intake.codesOf(List.of(r.dossierId()));
                    return new OpenDispute(
                            d.details(),
                            Objects.requireNonNull(codes.get(r.dossierId())), // as above
                            unitName(r.unitId().value()),
                            r.overallOption(),
                            r.comment());
                })
                .toList();
    }

    /** The ratings of a dossier of the current user's scope (any status), to pick one to dispute. */
    @Transactional(readOnly = true)
    public List<RatingFacts> ratingsOfDossier(String dossierCode) {
        return intake.findRef(dossierCode == null ? "" : dossierCode.strip())
                .filter(d -> scope.currentScope().includes(d.evaluatedUnitId()))
                .map(d -> ratings.ofDossier(d.id()))
                .orElseThrow(() -> new NotFoundException("no dossier " + dossierCode));
    }

    /** Every dispute of a rating, oldest first. */
    @Transactional(readOnly = true)
    public List<DisputeDetails> history(RatingId ratingId) {
        visibleRating(ratingId);
        return disputes.findByRatingIdOrderByRaisedAt(ratingId.value()).stream()
                .map(RatingDispute::details)
                .toList();
    }

    private RatingFacts visibleRating(RatingId ratingId) {
        return ratings.facts(ratingId)
                .filter(r -> scope.currentScope().includes(r.unitId()))
                .orElseThrow(() -> new NotFoundException("no rating " + ratingId));
    }

    private String me() {
        return scope.currentAccount()
                .map(AccountService.Account::username)
                .orElseThrow(() -> new AccessDeniedException("log in first"));
    }

    private String unitName(UUID unitId) {
        return directory.findUnit(UnitId.of(unitId)).map(AgencySummary::name).orElse("?");
    }
}
