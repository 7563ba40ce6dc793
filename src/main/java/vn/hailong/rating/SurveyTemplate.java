package vn.hailong.rating;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.hailong.platform.jpa.AbstractEntity;

/**
 * A stored revision of a survey template. Revisions are never edited once ratings refer to them:
 * a change is a new revision, and each rating records the revision it answered.
 */
@Entity
@Table(name = "survey_template")
public class SurveyTemplate extends AbstractEntity {

    @Column(name = "template_key", nullable = false, length = 40)
    private String templateKey;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false, columnDefinition = "longtext")
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SurveyTemplate() {}

    public String getTemplateKey() {
        return templateKey;
    }

    public int getRevision() {
        return revision;
    }

    public boolean isActive() {
        return active;
    }

    public String getDefinition() {
        return definition;
    }
}
