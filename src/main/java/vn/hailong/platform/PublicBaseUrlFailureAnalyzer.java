package vn.hailong.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a production start without a public base URL as a configuration error, not a stack trace. */
class PublicBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<PublicBaseUrlCheck.PublicBaseUrlNotPublicException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PublicBaseUrlCheck.PublicBaseUrlNotPublicException cause) {
        return new FailureAnalysis(
                PublicBaseUrl.VARIABLE + " (" + PublicBaseUrl.PROPERTY + ") is not usable in the prod profile: "
                        + cause.problem()
                        + ". Every survey QR code printed on a receipt and every kiosk enrolment link is built from it.",
                "Set " + PublicBaseUrl.VARIABLE
                        + " to the address citizens' phones and the counter tablets reach this installation at, "
                        + "e.g. " + PublicBaseUrl.VARIABLE + "=https://hailong.example.gov.vn",
                cause);
    }
}
