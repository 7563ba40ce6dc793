package vn.hailong.index;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hailong.audit.AuditAction;
import vn.hailong.index.internal.IndexSnapshotStore;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;

/**
 * Publishing a reviewed draft, publishing a correction, and discarding a draft.
 *
 * <p>Publishing a draft makes it PUBLISHED: from then on nothing about it changes. The snapshot
 * tables are insert-only (no UPDATE statement exists for them); publishing inserts a publication
 * row, one per scheme and period, whose foreign key makes the database itself refuse to delete a
 * published snapshot.
 *
 * <p>An error found after publication is put right by a <em>correction</em> (đính chính): a new
 * snapshot of the same period, published with a reason as the correction of the current one. The
 * corrected snapshot stays stored, explainable and listed as CORRECTED; the period's figures are
 * those of the last correction. Nothing published is ever rewritten.
 */
@Service
public class IndexPublicationService {

    private final IndexSnapshotStore store;
    private final SnapshotRecords records;
    private final MethodologyService methodologies;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndexPublicationProperties publication;

    IndexPublicationService(
            IndexSnapshotStore store,
            SnapshotRecords records,
            MethodologyService methodologies,
            Clock clock,
            ApplicationEventPublisher events,
            IndexPublicationProperties publication) {
        this.store = store;
        this.records = records;
        this.methodologies = methodologies;
        this.clock = clock;
        this.events = events;
        this.publication = publication;
    }

    /**
     * Publishes a draft: its figures become the period's published figures and never change.
     *
     * @throws ConflictException if it is already published or the period has another published snapshot
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publish(UUID snapshotId) {
        Snapshot s = publishable(snapshotId);
        try {
            store.insertPublication(snapshotId, s.scheme(), s.period(), clock.instant(), Actors.current());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "period", s.period() + " is already published under scheme '" + s.scheme() + "'");
        }
        Snapshot published = records.get(snapshotId);
        records.audit(
                AuditAction.INDEX_PUBLISHED,
                published,
                "published, " + published.units() + " units; reviewed by " + reviewersOf(published));
        events.publishEvent(published(published));
        return published;
    }

    /**
     * Publishes a reviewed draft as the correction of its period's current published snapshot,
     * which stays stored and is listed as corrected, with the reason given.
     *
     * @throws InvalidInputException naming {@code reason} when it is blank or longer than 1000 characters
     * @throws ConflictException if the draft is published already, or its period is not published
     *         (publish it normally), or another correction was published in the meantime
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publishCorrection(UUID snapshotId, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.malformed("reason", "a correction needs its reason");
        }
        if (reason.strip().length() > 1000) {
            throw InvalidInputException.malformed("reason", "the reason is longer than 1000 characters");
        }
        Snapshot s = publishable(snapshotId);
        UUID current = records.publicationOf(s.scheme(), s.period())
                .orElseThrow(() -> new ConflictException(
                        "period",
                        s.period() + " is not published under scheme '" + s.scheme()
                                + "'; publish the draft, not a correction"));
        try {
            store.insertCorrection(
                    snapshotId, current, s.scheme(), s.period(), reason.strip(), clock.instant(), Actors.current());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "snapshot", "the published snapshot of " + s.period() + " was corrected in the meantime");
        }
        Snapshot corrected = records.get(snapshotId);
        records.audit(
                AuditAction.INDEX_CORRECTED,
                corrected,
                "published as the correction of snapshot " + current + ", " + corrected.units() + " units; reason: "
                        + reason.strip() + "; reviewed by " + reviewersOf(corrected));
        events.publishEvent(published(corrected));
        return corrected;
    }

    private static IndexPublished published(Snapshot s) {
        return new IndexPublished(
                s.id(),
                s.scheme(),
                s.period(),
                s.methodologyVersion(),
                s.inputsHash(),
                s.units(),
                Objects.requireNonNull(s.publishedAt()), // a snapshot just published
                s.corrects(),
                s.correctionReason());
    }

    /**
     * Publishes a draft as what it is: the period's first publication, or, when the period is
     * published already, its correction, which needs the reason.
     *
     * @throws InvalidInputException naming {@code reason}: missing for a correction (400), given for a first publication (422)
     * @throws ConflictException published already, or a stale draft
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public Snapshot publishDraft(UUID snapshotId, @Nullable String reason) {
        Snapshot s = publishable(snapshotId);
        boolean correction = records.publicationOf(s.scheme(), s.period()).isPresent();
        // Both are called on this object, not through its proxy: inside this transaction, under this method's check.
        if (correction) {
            return publishCorrection(snapshotId, reason);
        }
        if (reason != null && !reason.isBlank()) {
            throw InvalidInputException.unprocessable(
                    "reason", s.period() + " is not published yet: a first publication has no " + "correction reason");
        }
        return publish(snapshotId);
    }

    /** Discards a draft. @throws ConflictException for a published snapshot */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_PROVINCE)
    public void discardDraft(UUID snapshotId) {
        Snapshot s = records.get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException("snapshot", "a published snapshot cannot be discarded or changed");
        }
        store.deleteDraft(snapshotId);
        records.remember(snapshotId, s.scheme(), s.period(), null);
        records.audit(AuditAction.INDEX_DRAFT_DISCARDED, s, "draft discarded");
    }

    private String reviewersOf(Snapshot s) {
        List<String> who = store.reviewersOf(s.id());
        return who.isEmpty() ? "nobody" : String.join(", ", who);
    }

    /** The draft to publish, refusing one that is gone, published or computed under a methodology version no longer in force. */
    private Snapshot publishable(UUID snapshotId) {
        records.refuseGone(snapshotId);
        Snapshot s = records.get(snapshotId);
        if (s.isPublished()) {
            throw new ConflictException("snapshot", "snapshot " + snapshotId + " is already published");
        }
        Methodology now = methodologies.forYear(
                s.scheme(), IndexPeriod.parse(s.period(), "period").year());
        if (!now.id().equals(s.methodologyId())) {
            throw new ConflictException(
                    "snapshot",
                    "stale draft: computed under " + s.scheme() + " v" + s.methodologyVersion() + ", but v"
                            + now.version() + " applies to " + s.period() + " now; compute the period again");
        }
        int missing = records.reviewsStillNeeded(s.id());
        if (missing > 0) {
            throw new ConflictException(
                    "reviews",
                    Words.of(
                            "index.error.reviewsMissing",
                            Words.VI,
                            String.valueOf(publication.reviewsRequired()),
                            String.valueOf(missing)));
        }
        return s;
    }
}
