package vn.hailong.followup;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/** A note on a follow-up case: a call made, what was said, what was done. */
@Entity
@Table(name = "follow_up_note")
class FollowUpNote extends AbstractEntity {

    static final int TEXT_MAX_LENGTH = 2000;

    @Column(name = "case_id", nullable = false, updatable = false, columnDefinition = "uuid")
    private UUID caseId;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, updatable = false, length = 100)
    private String author;

    @Column(nullable = false, updatable = false, length = TEXT_MAX_LENGTH)
    private String text;

    protected FollowUpNote() {
        // for JPA
    }

    FollowUpNote(UUID caseId, Instant writtenAt, String author, String text) {
        this.caseId = caseId;
        this.writtenAt = writtenAt;
        this.author = author;
        this.text = text;
    }

    Instant getWrittenAt() {
        return writtenAt;
    }

    String getAuthor() {
        return author;
    }

    String getText() {
        return text;
    }
}
