package vn.hailong.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by their wire names. */
public enum WebhookEventType {
    RATING_RECORDED("rating.recorded"),
    RATING_STATUS_CHANGED("rating.status_changed"),
    DOSSIER_RETURNED("dossier.returned"),
    FOLLOWUP_OPENED("followup.opened"),
    FOLLOWUP_OVERDUE("followup.overdue"),
    KIOSK_OFFLINE("kiosk.offline"),
    INDEX_PUBLISHED("index.published");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
