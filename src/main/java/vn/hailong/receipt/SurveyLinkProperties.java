package vn.hailong.receipt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The survey links printed on receipts ({@code hailong.survey-links.*}; the limit on opening them,
 * {@code attempts-per-minute}, is the survey page's).
 *
 * @param secret the secret from which the links' tokens are derived (HMAC, {@link SurveyTokens}), at
 *     least 32 bytes, the same on every node ({@code SURVEY_LINK_SECRET}); changing it breaks every
 *     link already printed
 * @param validAfterReturn a link may be rated until this long after its dossier was returned
 */
@ConfigurationProperties("hailong.survey-links")
record SurveyLinkProperties(
        String secret, @DefaultValue("P30D") Duration validAfterReturn) {

    SurveyLinkProperties {
        if (secret == null) {
            throw new IllegalArgumentException("hailong.survey-links.secret (SURVEY_LINK_SECRET) is not set");
        }
    }

    /** Never shows the secret (in a log, a failure report). */
    @Override
    public String toString() {
        return "SurveyLinkProperties[secret=(hidden), validAfterReturn=" + validAfterReturn + "]";
    }
}
