package vn.hailong.feed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the ratings feed: the changes after the client's cursor, oldest first, and the
 * cursor to send next time ({@code next}; the same as the one sent when nothing is new).
 */
public record RatingFeedPage(List<Item> items, FeedCursor next, boolean more) {

    /** One change of one rating, with the rating as it stood right after the change. */
    public record Item(FeedCursor cursor, Change change, Rating rating) {}

    /**
     * A change: the rating was recorded, or its status changed ({@code from} → {@code to}) for a
     * reason: {@code SUPERSEDED_BY_CITIZEN} (the citizen's own phone rating replaced a kiosk
     * rating, {@code relatedRatingId}), or a moderation decision ({@code disputeKind} EXCLUDE or
     * RESTORE with the dispute's reason code: ABUSIVE_TEXT, WRONG_DOSSIER, TEST_OR_DUPLICATE, OTHER).
     */
    public record Change(
            String kind,
            @Nullable String from,
            String to,
            Instant at,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable String relatedRatingId) {}

    /** A status the rating had, since when and why (the same fields as a change). */
    public record StatusEntry(
            String status,
            Instant since,
            @Nullable String reason,
            @Nullable String disputeKind,
            @Nullable String relatedRatingId) {}

    /** An answered question and the points its option earned. */
    public record Answer(String criterion, String option, int points) {}

    /**
     * The rating: no identity of the citizen, no device, and its comment without contact details
     * ({@link ContactDetails}).
     */
    public record Rating(
            String id,
            String dossierCode,
            String unit,
            String channel,
            Instant submittedAt,
            String status,
            String overall,
            int overallPoints,
            List<Answer> answers,
            List<String> reasons,
            @Nullable String comment,
            List<StatusEntry> history) {}
}
