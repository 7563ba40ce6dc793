package vn.hailong.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.NotFoundException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.UnitId;
import vn.hailong.security.AccessScope;
import vn.hailong.security.ScopeService;

/**
 * The ratings feed (ADR 099): every change of every rating the caller may see, in one stable
 * order, each exactly once to a client that always sends back the {@code next} cursor it got.
 */
@Service
public class RatingFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final RatingFeedReadModel readModel;
    private final RatingFeedSequencer sequencer;
    private final ScopeService scopes;
    private final DirectoryService directory;

    RatingFeed(
            RatingFeedReadModel readModel,
            RatingFeedSequencer sequencer,
            ScopeService scopes,
            DirectoryService directory) {
        this.readModel = readModel;
        this.sequencer = sequencer;
        this.scopes = scopes;
        this.directory = directory;
    }

    /**
     * The changes after {@code after} (a cursor this feed handed out; empty: from the start),
     * oldest first, at most {@code limit} (1–500, default 100), of the caller's units, narrowed
     * to the subtree of {@code unit} (an agency code) when given.
     *
     * @throws vn.hailong.platform.InvalidInputException naming {@code after}, {@code limit} or {@code unit}
     * @throws NotFoundException when {@code unit} is unknown or outside the caller's scope
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READERS_AND_INTEGRATORS)
    public RatingFeedPage page(@Nullable String after, @Nullable Integer limit, @Nullable String unit) {
        FieldErrors errors = new FieldErrors();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.malformed("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        errors.throwIfAny();
        FeedCursor cursor = FeedCursor.parse(after, "after");
        int size = limit == null ? DEFAULT_LIMIT : limit;
        Set<UUID> units = units(scopes.currentScope(), unit);

        // One more than asked, to tell whether there is more.
        List<RatingFeedReadModel.ChangeRow> changes = readModel.changesAfter(cursor.seq(), units, size + 1);
        boolean more = changes.size() > size;
        if (more) {
            changes = changes.subList(0, size);
        }
        if (changes.isEmpty()) {
            return new RatingFeedPage(List.of(), cursor, false);
        }
        Set<UUID> ratingIds = new LinkedHashSet<>();
        changes.forEach(c -> ratingIds.add(c.ratingId()));
        long last = changes.getLast().seq();
        Map<UUID, RatingFeedReadModel.RatingRow> ratings = readModel.ratings(ratingIds);
        Map<UUID, List<RatingFeedPage.Answer>> answers = readModel.answers(ratingIds);
        Map<UUID, List<String>> reasons = readModel.reasons(ratingIds);
        Map<UUID, List<RatingFeedReadModel.ChangeRow>> history = readModel.historyOf(ratingIds, last);

        List<RatingFeedPage.Item> items = new ArrayList<>(changes.size());
        for (RatingFeedReadModel.ChangeRow change : changes) {
            // rating_change.rating_id references a rating, and ratings are never deleted.
            RatingFeedReadModel.RatingRow r = Objects.requireNonNull(ratings.get(change.ratingId()));
            List<RatingFeedPage.StatusEntry> statuses = history.getOrDefault(change.ratingId(), List.of()).stream()
                    .filter(h -> h.seq() <= change.seq())
                    .map(h -> new RatingFeedPage.StatusEntry(h.to(), h.at(), h.reason(), h.disputeKind(), h.related()))
                    .toList();
            RatingFeedPage.Rating rating = new RatingFeedPage.Rating(
                    r.id().toString(),
                    r.dossierCode(),
                    r.unit(),
                    r.channel(),
                    r.submittedAt(),
                    change.to(),
                    r.overall(),
                    r.overallPoints(),
                    answers.getOrDefault(r.id(), List.of()),
                    reasons.getOrDefault(r.id(), List.of()),
                    ContactDetails.removedFrom(r.comment()),
                    statuses);
            items.add(new RatingFeedPage.Item(
                    new FeedCursor(change.seq()),
                    new RatingFeedPage.Change(
                            change.kind(),
                            change.from(),
                            change.to(),
                            change.at(),
                            change.reason(),
                            change.disputeKind(),
                            change.related()),
                    rating));
        }
        return new RatingFeedPage(items, new FeedCursor(last), more);
    }

    /** The units to read: null for every unit. */
    private @Nullable Set<UUID> units(AccessScope scope, @Nullable String unit) {
        if (unit == null || unit.isBlank()) {
            return scope.allUnits()
                    ? null
                    : scope.unitIds().stream().map(UnitId::value).collect(Collectors.toSet());
        }
        UnitId root = directory
                .findUnit(unit.strip())
                .map(u -> UnitId.of(u.id()))
                .filter(scope::includes)
                .orElseThrow(() -> new NotFoundException("no unit '" + unit + "' you may read"));
        return directory.subtreeOf(root).stream().map(UnitId::value).collect(Collectors.toSet());
    }

    /**
     * Records the ratings stored without their change (the demo data, inserted in bulk) and
     * numbers every committed change now.
     */
    @Transactional
    public int recordUnlogged() {
        return readModel.recordUnlogged();
    }

    /** Numbers every committed change now instead of within a second (tests). */
    public void sequenceNow() {
        sequencer.sequenceAll();
    }
}
