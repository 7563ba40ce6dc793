package vn.hailong.index;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/**
 * The four-eyes reviews of a draft: a province manager records having checked its figures, and a
 * draft is published (by {@link IndexPublicationService}) only once enough others have
 * ({@code hailong.index.publication.reviews-required}).
 */
@Service
public class IndexReviewService {

    private final IndexSnapshotStore store;
    private final SnapshotRecords records;
    private final Clock clock;

    IndexReviewService(IndexSnapshotStore store, SnapshotRecords records, Clock clock) {
        this.store = store;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records that the current user reviewed a draft (checked its figures before publication).
     * Reviewing the same draft again is no second review: the first one is answered.
     *
     * @throws ConflictException for a published snapshot, or a draft gone (recomputed or discarded)
     * @throws InvalidInputException naming {@code note} when it is longer than 1000 characters
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Review review(UUID snapshotId, @Nullable String note) {
        if (note != null && note.strip().length() > 1000) {
            throw InvalidInputException.malformed("note", "the note is longer than 1000 characters");
        }
        records.refuseGone(snapshotId);
        Snapshot s = records.get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException(
                    "snapshot", "snapshot " + snapshotId + " is published; only drafts are reviewed");
        }
        String who = Actors.current();
        String text = note == null || note.isBlank() ? null : note.strip();
        try {
            // MariaDB's client counts a row found by ON DUPLICATE KEY as "affected": the key's refusal tells a repeat
            // apart.
            store.insertReview(snapshotId, who, s.inputsHash(), clock.instant(), text);
            records.audit(AuditAction.INDEX_REVIEWED, s, "draft reviewed" + (text == null ? "" : "; note: " + text));
        } catch (DuplicateKeyException again) {
            // reviewed by this reviewer before: that review stands
        }
        // Called on this object, not through its proxy: answered under review's check, not reviews' own.
        return reviews(snapshotId).stream()
                .filter(r -> r.reviewedBy().equals(who))
                .findFirst()
                .orElseThrow();
    }

    /** The reviews of a snapshot, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.PROVINCE_READERS)
    public List<Review> reviews(UUID snapshotId) {
        return store.reviewsOf(snapshotId);
    }

    /**
     * How many more reviews, by people other than the current user, the draft needs before the
     * current user may publish it ({@code hailong.index.publication.reviews-required}); 0 when it
     * may be published. One's own review counts for the others, never for oneself, and a person
     * counts once, whether they reviewed signed in or through their API key.
     */
    @Transactional(readOnly = true)
    public int reviewsStillNeeded(UUID snapshotId) {
        // The count itself is shared with publishing, which asks it inside its own transaction and check.
        return records.reviewsStillNeeded(snapshotId);
    }
}
