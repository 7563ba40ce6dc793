package vn.hailong.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.directory.DirectoryService;
import vn.hailong.followup.FollowUpOpened;
import vn.hailong.followup.FollowUpOverdue;
import vn.hailong.index.IndexPublished;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.intake.DossierStatus;
import vn.hailong.kiosk.KioskWentOffline;
import vn.hailong.moderation.DisputeKind;
import vn.hailong.moderation.ModerationDecided;
import vn.hailong.platform.Ids;
import vn.hailong.platform.PublicBaseUrl;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingFacts;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmitted;
import vn.hailong.rating.RatingSuperseded;
import vn.hailong.receipt.SurveyLinkService;

/**
 * Queues a delivery per subscribed endpoint for each event, in the transaction of the event (the
 * listeners are synchronous): a delivery exists if and only if what it tells about committed, and
 * nothing is sent from the request thread ({@link WebhookDispatcher} sends after the commit). With
 * no endpoint subscribed, an event costs one read of the (small) endpoint table and nothing else.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final RatingService ratings;
    private final DossierIntakeService intake;
    private final DirectoryService directory;
    private final SurveyLinkService links;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;

    WebhookOutbox(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            RatingService ratings,
            DossierIntakeService intake,
            DirectoryService directory,
            SurveyLinkService links,
            Clock clock,
            PublicBaseUrl publicBaseUrl) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.ratings = ratings;
        this.intake = intake;
        this.directory = directory;
        this.links = links;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @EventListener
    void on(RatingSubmitted submitted) {
        queue(WebhookEventType.RATING_RECORDED, null, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ratingId", submitted.ratingId().toString());
            data.put("dossierCode", dossierCode(submitted.dossierId()));
            data.put("unit", unitCode(submitted.evaluatedAgencyId()));
            // A submitted rating has its channel (only a replayed event may lack one; none is here).
            data.put("channel", Objects.requireNonNull(submitted.channel()).name());
            data.put("status", "COUNTED");
            data.put("overall", submitted.overallOption());
            data.put("overallPoints", submitted.overallPoints());
            data.put("submittedAt", submitted.submittedAt().toString());
            return data;
        });
    }

    @EventListener
    void on(RatingSuperseded superseded) {
        queue(WebhookEventType.RATING_STATUS_CHANGED, null, () -> {
            RatingFacts rating = ratings.facts(superseded.supersededRatingId()).orElseThrow();
            return statusChange(
                    rating,
                    "COUNTED",
                    "SUPERSEDED",
                    "SUPERSEDED_BY_CITIZEN",
                    null,
                    superseded.supersedingRatingId(),
                    clock.instant());
        });
    }

    @EventListener
    void on(ModerationDecided decided) {
        if (!decided.upheld()) {
            return;
        }
        queue(WebhookEventType.RATING_STATUS_CHANGED, null, () -> {
            RatingFacts rating = ratings.facts(decided.ratingId()).orElseThrow();
            String from = decided.kind() == DisputeKind.EXCLUDE ? "COUNTED" : "EXCLUDED";
            return statusChange(
                    rating,
                    from,
                    decided.ratingStatus().name(),
                    decided.reason().name(),
                    decided.kind().name(),
                    null,
                    decided.decidedAt());
        });
    }

    @EventListener
    void on(DossierRecorded recorded) {
        if (recorded.status() != DossierStatus.RETURNED) {
            return;
        }
        // Told once per dossier, however often the one-stop software sends it again.
        queue(WebhookEventType.DOSSIER_RETURNED, "dossier.returned:" + recorded.dossierId(), () -> {
            DossierDetails dossier = intake.find(recorded.dossierId()).orElseThrow();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("dossierCode", dossier.code());
            data.put("unit", dossier.evaluatedUnit());
            data.put("procedureCode", dossier.procedureCode());
            data.put("procedureName", dossier.procedureName());
            data.put(
                    "returnedAt",
                    dossier.returnedAt() == null ? null : dossier.returnedAt().toString());
            data.put("surveyLink", links.linkFor(dossier.id()));
            data.put("rated", ratings.isRated(dossier.id()));
            return data;
        });
    }

    @EventListener
    void on(FollowUpOpened opened) {
        queue(WebhookEventType.FOLLOWUP_OPENED, null, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", opened.caseId().toString());
            data.put("ratingId", opened.ratingId().toString());
            data.put("dossierCode", dossierCode(opened.dossierId()));
            data.put("unit", unitCode(opened.unitId()));
            data.put("openedAt", opened.openedAt().toString());
            data.put("dueOn", opened.dueOn().toString());
            return data;
        });
    }

    @EventListener
    void on(FollowUpOverdue overdue) {
        queue(WebhookEventType.FOLLOWUP_OVERDUE, "followup.overdue:" + overdue.caseId(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", overdue.caseId().toString());
            data.put("ratingId", overdue.ratingId().toString());
            data.put("dossierCode", dossierCode(overdue.dossierId()));
            data.put("unit", unitCode(overdue.unitId()));
            data.put("dueOn", overdue.dueOn().toString());
            return data;
        });
    }

    @EventListener
    void on(KioskWentOffline offline) {
        queue(WebhookEventType.KIOSK_OFFLINE, "kiosk.offline:" + offline.alertId(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("alertId", offline.alertId().toString());
            data.put("deviceCode", offline.deviceCode());
            data.put("offlineSince", offline.offlineSince().toString());
            data.put("openedAt", offline.openedAt().toString());
            return data;
        });
    }

    @EventListener
    void on(IndexPublished published) {
        // Told once per snapshot: a correction is a new snapshot, so it is told too, naming the one it corrects.
        queue(WebhookEventType.INDEX_PUBLISHED, "index.published:" + published.snapshotId(), () -> {
            String query = "scheme=" + encoded(published.scheme()) + "&period=" + encoded(published.period());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("snapshotId", published.snapshotId().toString());
            data.put("scheme", published.scheme());
            data.put("period", published.period());
            data.put("methodologyVersion", published.methodologyVersion());
            data.put("inputsHash", published.inputsHash());
            data.put("units", published.units());
            data.put("publishedAt", published.publishedAt().toString());
            data.put("correction", published.isCorrection());
            data.put(
                    "correctsSnapshotId",
                    published.corrects() == null ? null : published.corrects().toString());
            data.put("correctionReason", published.correctionReason());
            // The API answers JSON, or CSV with Accept: text/csv, to a key of scope "index"; the open-data page needs
            // none.
            data.put("results", publicBaseUrl.link("/api/v1/index?" + query));
            data.put("openData", publicBaseUrl.link("/open-data"));
            return data;
        });
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Map<String, Object> statusChange(
            RatingFacts rating,
            String from,
            String to,
            String reason,
            @Nullable String disputeKind,
            @Nullable RatingId related,
            Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ratingId", rating.id().toString());
        data.put("dossierCode", dossierCode(rating.dossierId()));
        data.put("unit", unitCode(rating.unitId()));
        data.put("channel", rating.channel().name());
        data.put("from", from);
        data.put("to", to);
        data.put("reason", reason);
        data.put("disputeKind", disputeKind);
        data.put("relatedRatingId", related == null ? null : related.toString());
        data.put("at", at.toString());
        return data;
    }

    private void queue(WebhookEventType type, @Nullable String onceKey, Supplier<Map<String, Object>> data) {
        List<UUID> endpoints = store.subscribers(type);
        if (endpoints.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.wireName());
        payload.put("timestamp", now.toString());
        payload.put("data", data.get());
        String body = JSON.writeValueAsString(payload);
        String messageId = "msg_" + Ids.newId().toString().replace("-", "");
        endpoints.forEach(endpoint -> store.insertDelivery(endpoint, messageId, type, body, onceKey, now));
        dispatcher.worker().wakeAfterCommit();
    }

    private String dossierCode(DossierId dossierId) {
        return intake.codesOf(List.of(dossierId)).getOrDefault(dossierId, "");
    }

    private String unitCode(UnitId unitId) {
        return directory.findUnit(unitId).map(u -> u.code()).orElse("");
    }
}
