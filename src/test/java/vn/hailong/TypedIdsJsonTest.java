package vn.hailong;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import vn.hailong.directory.UnitMoved;
import vn.hailong.followup.FollowUpOpened;
import vn.hailong.intake.DossierId;
import vn.hailong.intake.DossierRecorded;
import vn.hailong.intake.DossierStatus;
import vn.hailong.moderation.DisputeKind;
import vn.hailong.moderation.DisputeReason;
import vn.hailong.moderation.ModerationDecided;
import vn.hailong.platform.UnitId;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingSubmitted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed ids ({@link DossierId}, {@link RatingId}, {@link UnitId}) are plain UUID strings in
 * JSON: an event carrying them is written exactly as the event with raw {@link UUID}s was, and
 * JSON written before (by the previous version) reads back into the typed event. Checked with the
 * application's JsonMapper (Spring Boot's, as the MVC and any stored event use) and with a plain
 * one (as the webhook outbox, the kiosk bridge and the survey drafts build theirs).
 */
@HaiLongTest
class TypedIdsJsonTest {

    private static final UUID RATING = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000001");
    private static final UUID DOSSIER = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000002");
    private static final UUID UNIT = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000003");
    private static final UUID PARENT = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000004");
    private static final UUID CASE = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000005");
    private static final UUID DISPUTE = UUID.fromString("019a0f3c-6b2e-7a11-8f00-000000000006");
    private static final Instant AT = Instant.parse("2026-11-02T03:04:05.123Z");

    /** The events as they were, with raw UUIDs (the shape the previous version wrote). */
    record RawRatingSubmitted(
            UUID ratingId,
            UUID dossierId,
            UUID evaluatedAgencyId,
            @Nullable RatingChannel channel,
            String overallOption,
            int overallPoints,
            Instant submittedAt) {}

    record RawDossierRecorded(UUID dossierId, String code, boolean created, DossierStatus status) {}

    record RawFollowUpOpened(
            UUID caseId, UUID ratingId, UUID dossierId, UUID unitId, Instant openedAt, LocalDate dueOn) {}

    record RawModerationDecided(
            UUID disputeId,
            UUID ratingId,
            UUID unitId,
            DisputeKind kind,
            DisputeReason reason,
            boolean upheld,
            String raisedBy,
            String decidedBy,
            @Nullable String note,
            Instant decidedAt,
            RatingStatus ratingStatus) {

        /**
         * The previous version's shape of {@code e}: the ids the raw UUIDs given, every other field
         * e's (its eleven arguments written out a second time hid that only the two ids differ).
         */
        static RawModerationDecided withIds(UUID ratingId, UUID unitId, ModerationDecided e) {
            return new RawModerationDecided(
                    e.disputeId(),
                    ratingId,
                    unitId,
                    e.kind(),
                    e.reason(),
                    e.upheld(),
                    e.raisedBy(),
                    e.decidedBy(),
                    e.note(),
                    e.decidedAt(),
                    e.ratingStatus());
        }
    }

    record RawUnitMoved(
            UUID unitId,
            @Nullable UUID formerParentId,
            @Nullable UUID parentId) {}

    @Autowired
    JsonMapper applicationJson;

    @Test
    void an_id_is_its_uuid_string() {
        isItsUuidString(DOSSIER, DossierId::of, DossierId.class);
        isItsUuidString(RATING, RatingId::of, RatingId.class);
        isItsUuidString(UNIT, UnitId::of, UnitId.class);
    }

    @Test
    void events_with_typed_ids_are_written_as_before_and_json_written_before_reads_back() {
        ModerationDecided decided = new ModerationDecided(
                DISPUTE,
                RatingId.of(RATING),
                UnitId.of(UNIT),
                DisputeKind.EXCLUDE,
                DisputeReason.ABUSIVE_TEXT,
                true,
                "raiser",
                "decider",
                null,
                AT,
                RatingStatus.EXCLUDED);
        for (JsonMapper json : mappers()) {
            sameJson(
                    json,
                    new RatingSubmitted(
                            RatingId.of(RATING),
                            DossierId.of(DOSSIER),
                            UnitId.of(UNIT),
                            RatingChannel.KIOSK,
                            "SATISFIED",
                            1,
                            AT),
                    new RawRatingSubmitted(RATING, DOSSIER, UNIT, RatingChannel.KIOSK, "SATISFIED", 1, AT));
            sameJson(
                    json,
                    new DossierRecorded(
                            DossierId.of(DOSSIER), "000.00.06.H56-261102-0001", true, DossierStatus.RETURNED),
                    new RawDossierRecorded(DOSSIER, "000.00.06.H56-261102-0001", true, DossierStatus.RETURNED));
            sameJson(
                    json,
                    new FollowUpOpened(
                            CASE,
                            RatingId.of(RATING),
                            DossierId.of(DOSSIER),
                            UnitId.of(UNIT),
                            AT,
                            LocalDate.of(2026, 11, 9)),
                    new RawFollowUpOpened(CASE, RATING, DOSSIER, UNIT, AT, LocalDate.of(2026, 11, 9)));
            sameJson(json, decided, RawModerationDecided.withIds(RATING, UNIT, decided));
            sameJson(
                    json,
                    new UnitMoved(UnitId.of(UNIT), null, UnitId.of(PARENT)),
                    new RawUnitMoved(UNIT, null, PARENT));
        }
    }

    @Test
    void the_json_of_an_event_names_each_id_as_a_plain_string() {
        String written = applicationJson.writeValueAsString(new RatingSubmitted(
                RatingId.of(RATING), DossierId.of(DOSSIER), UnitId.of(UNIT), RatingChannel.QR, "SATISFIED", 1, AT));
        assertThat(written)
                .contains("\"ratingId\":\"" + RATING + "\"")
                .contains("\"dossierId\":\"" + DOSSIER + "\"")
                .contains("\"evaluatedAgencyId\":\"" + UNIT + "\"");
    }

    /** Written as its UUID's string by both mappers and read back from it; its toString too; no id of null. */
    private <T> void isItsUuidString(UUID uuid, Function<UUID, T> of, Class<T> type) {
        for (JsonMapper json : mappers()) {
            assertThat(json.writeValueAsString(of.apply(uuid))).isEqualTo("\"" + uuid + "\"");
            assertThat(json.readValue("\"" + uuid + "\"", type)).isEqualTo(of.apply(uuid));
        }
        assertThat(of.apply(uuid).toString()).isEqualTo(uuid.toString());
        assertThatThrownBy(() -> of.apply(nothing())).isInstanceOf(NullPointerException.class);
    }

    private static void sameJson(JsonMapper json, Object typed, Object raw) {
        String before = json.writeValueAsString(raw);
        assertThat(json.writeValueAsString(typed)).isEqualTo(before);
        assertThat(json.readValue(before, typed.getClass())).isEqualTo(typed);
    }

    private List<JsonMapper> mappers() {
        return List.of(applicationJson, JsonMapper.builder().build());
    }

    private static UUID nothing() {
        return null;
    }
}
