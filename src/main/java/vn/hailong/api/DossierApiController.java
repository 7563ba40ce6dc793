package vn.hailong.api;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.intake.ComplaintDetails;
import vn.hailong.intake.ComplaintSubmission;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.rating.RatingService;
import vn.hailong.receipt.SurveyLinkService;

/** Dossiers pushed by the one-stop software; each answer carries the dossier's survey link. */
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierApiController {

    private final DossierIntakeService intake;
    private final SurveyLinkService links;
    private final RatingService ratings;
    private final Clock clock;
    private final TransactionTemplate oneRead;

    DossierApiController(
            DossierIntakeService intake,
            SurveyLinkService links,
            RatingService ratings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.links = links;
        this.ratings = ratings;
        this.clock = clock;
        this.oneRead = new TransactionTemplate(transactions);
        this.oneRead.setReadOnly(true);
    }

    record ProcedureRef(String code, String name) {}

    record OfficerRef(String id, String name, String role) {}

    record DossierResponse(
            String code,
            ProcedureRef procedure,
            String receivingUnit,
            String competentUnit,
            String evaluatedUnit,
            String channel,
            String applicantKind,
            String status,
            int statusCode,
            OffsetDateTime receivedAt,
            @Nullable OffsetDateTime dueAt,
            @Nullable OffsetDateTime returnedAt,
            @Nullable String timeliness,
            int supplementRequests,
            List<OfficerRef> officers,
            String surveyLink,
            boolean rated,
            List<ComplaintDetails> complaints) {}

    /** Creates (201) or replaces (200) the dossier with this code. Re-sending the same body is harmless. */
    @PutMapping("/{code}")
    ResponseEntity<DossierResponse> put(@PathVariable String code, @RequestBody DossierSubmission body) {
        DossierIntakeService.DossierUpsert result = intake.upsert(code, body);
        // A dossier created by this very request has no rating and no complaint yet: nothing to look up.
        return result.created()
                ? ResponseEntity.status(HttpStatus.CREATED).body(response(result.dossier(), false, List.of()))
                : ResponseEntity.ok(Objects.requireNonNull(oneRead.execute(tx -> response(result.dossier()))));
    }

    @GetMapping("/{code}")
    DossierResponse get(@PathVariable String code) {
        return Objects.requireNonNull(oneRead.execute(tx -> response(intake.get(code))));
    }

    /** Creates or replaces a complaint (PAKN) about the dossier. */
    @PutMapping("/{code}/complaints/{complaintId}")
    ComplaintDetails putComplaint(
            @PathVariable String code, @PathVariable String complaintId, @RequestBody ComplaintSubmission body) {
        return intake.recordComplaint(code, complaintId, body);
    }

    /**
     * The answer's look-ups (rated? complaints?) ask two modules; run in one read-only transaction
     * they share a connection and its session toggles (each transaction of its own costs a
     * connection, two autocommit switches and a commit).
     */
    private DossierResponse response(DossierDetails d) {
        return response(d, ratings.isRated(d.id()), intake.complaintsOf(d.id()));
    }

    private DossierResponse response(DossierDetails d, boolean rated, List<ComplaintDetails> complaints) {
        return new DossierResponse(
                d.code(),
                new ProcedureRef(d.procedureCode(), d.procedureName()),
                d.receivingUnit(),
                d.competentUnit(),
                d.evaluatedUnit(),
                d.channel().name(),
                d.applicantKind().name(),
                d.status().name(),
                d.status().syncCode(),
                d.receivedAt().atZone(clock.getZone()).toOffsetDateTime(),
                local(d.dueAt()),
                local(d.returnedAt()),
                d.timeliness() == null ? null : d.timeliness().name(),
                d.supplementRequests(),
                d.officers().stream()
                        .map(o -> new OfficerRef(o.id(), o.name(), o.role().name()))
                        .toList(),
                links.linkFor(d.id()),
                rated,
                complaints);
    }

    private @Nullable OffsetDateTime local(@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
