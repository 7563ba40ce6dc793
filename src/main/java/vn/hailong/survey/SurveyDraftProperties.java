package vn.hailong.survey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param draftTtl how long the unsent answers of a survey page are kept on the server after the
 *     citizen's last round trip (a send with an error, A-/A+, the language switch); a citizen who
 *     comes back later starts afresh. Short, because a draft may hold a phone number.
 */
@ConfigurationProperties("hailong.survey-page")
record SurveyDraftProperties(Duration draftTtl) {

    SurveyDraftProperties {
        draftTtl = draftTtl == null ? Duration.ofHours(1) : draftTtl;
        if (draftTtl.isNegative() || draftTtl.isZero() || draftTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    "hailong.survey-page.draft-ttl must be more than zero and at most one day");
        }
    }
}
