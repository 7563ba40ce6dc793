package vn.hailong.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.hailong.index.Computation;
import vn.hailong.index.IndexComputationService;
import vn.hailong.index.IndexPublicationService;
import vn.hailong.index.IndexReviewService;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.Snapshot;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;

/**
 * Computing, reviewing and publishing the index over the API, for the province: with a province
 * manager's API key (scope {@code index}, acting as that account). Every act is in the audit log.
 */
@RestController
@RequestMapping(value = "/api/v1/index", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Index operations",
        description = "Compute a period's draft, review it and publish it (province managers' API keys)")
class IndexOperationsApiController {

    private final IndexSnapshotService snapshots;
    private final IndexComputationService computations;
    private final IndexReviewService reviews;
    private final IndexPublicationService publications;

    IndexOperationsApiController(
            IndexSnapshotService snapshots,
            IndexComputationService computations,
            IndexReviewService reviews,
            IndexPublicationService publications) {
        this.snapshots = snapshots;
        this.computations = computations;
        this.reviews = reviews;
        this.publications = publications;
    }

    /**
     * @param scheme default {@code default}
     * @param period {@code 2026}, {@code 2026-Q3} or {@code 2026-07}
     * @param correction true for the draft of a correction of a published period
     * @param idempotencyKey the client's key for this computation: a retry with it answers the same draft
     */
    record ComputeRequest(
            @Nullable String scheme,
            @Nullable String period,
            @Nullable Boolean correction,
            @Nullable String idempotencyKey) {}

    record ReviewRequest(@Nullable String note) {}

    /** {@code reason}: required when the period is published already (the draft is then its correction), else absent. */
    record PublishRequest(@Nullable String reason) {}

    record ReviewResponse(
            String reviewedBy,
            Instant reviewedAt,
            String inputsHash,
            @Nullable String note) {}

    record SnapshotResponse(
            UUID id,
            String scheme,
            String period,
            String status,
            int methodologyVersion,
            String inputsHash,
            int units,
            Instant computedAt,
            String computedBy,
            long computeMillis,
            @Nullable Instant publishedAt,
            @Nullable String publishedBy,
            @Nullable UUID corrects,
            @Nullable String correctionReason,
            @Nullable UUID correctedBy,
            List<ReviewResponse> reviews,
            @Nullable Boolean replayed,
            @Nullable List<IndexApiController.IndexRow> results) {}

    @PostMapping(value = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Compute a period's draft (or a correction's draft)",
            description =
                    "Replaces an earlier draft of the "
                            + "period. With an idempotencyKey a retry answers the same draft (200, replayed) instead of computing again.")
    @ApiResponse(responseCode = "201", description = "the draft, computed now")
    @ApiResponse(responseCode = "200", description = "the draft an earlier request with this idempotencyKey computed")
    @ApiResponse(responseCode = "400", description = "period or idempotencyKey malformed (the problem names the field)")
    @ApiResponse(responseCode = "403", description = "the key is not a province manager's")
    @ApiResponse(
            responseCode = "409",
            description = "the period is published already (compute a correction), or not published (for a correction)")
    @ApiResponse(
            responseCode = "422",
            description = "unknown scheme, or the idempotencyKey was used for another period")
    ResponseEntity<SnapshotResponse> compute(@RequestBody ComputeRequest body) {
        if (body.period() == null || body.period().isBlank()) {
            throw InvalidInputException.malformed("period", "period is required: 2026, 2026-Q3 or 2026-07");
        }
        Computation c = computations.compute(
                scheme(body.scheme()),
                body.period().strip(),
                Boolean.TRUE.equals(body.correction()),
                body.idempotencyKey());
        SnapshotResponse response = response(c.snapshot(), c.replayed(), false);
        return c.replayed()
                ? ResponseEntity.ok(response)
                : ResponseEntity.created(URI.create(
                                "/api/v1/index/snapshots/" + c.snapshot().id()))
                        .body(response);
    }

    @GetMapping("/drafts")
    @Operation(
            summary = "The current draft of a period",
            description = "What a publication of the period would publish now.")
    @ApiResponse(responseCode = "200", description = "the draft with its reviews and results")
    @ApiResponse(responseCode = "404", description = "the period has no draft")
    SnapshotResponse currentDraft(
            @RequestParam(required = false) @Nullable String scheme,
            @RequestParam(required = false) @Nullable String period) {
        if (period == null || period.isBlank()) {
            throw InvalidInputException.malformed("period", "period is required: 2026, 2026-Q3 or 2026-07");
        }
        String s = scheme(scheme);
        return response(
                snapshots
                        .currentDraft(s, period.strip())
                        .orElseThrow(() ->
                                new NotFoundException("no draft of " + period.strip() + " under scheme '" + s + "'")),
                null,
                true);
    }

    @GetMapping("/snapshots/{id}")
    @Operation(summary = "A snapshot (draft or published) with its reviews and every unit's results")
    @ApiResponse(responseCode = "200", description = "the snapshot")
    @ApiResponse(responseCode = "404", description = "no such snapshot")
    SnapshotResponse snapshot(@PathVariable UUID id) {
        return response(snapshots.get(id), null, true);
    }

    @PostMapping("/snapshots/{id}/review")
    @Operation(
            summary = "Record that the draft was reviewed",
            description = "Once per reviewer: repeating it answers the first review.")
    @ApiResponse(responseCode = "200", description = "the draft with its reviews")
    @ApiResponse(responseCode = "403", description = "the key is not a province manager's")
    @ApiResponse(responseCode = "404", description = "no such snapshot")
    @ApiResponse(
            responseCode = "409",
            description = "published already, or a stale draft (recomputed or discarded since)")
    SnapshotResponse review(@PathVariable UUID id, @RequestBody(required = false) @Nullable ReviewRequest body) {
        reviews.review(id, body == null ? null : body.note());
        return response(snapshots.get(id), null, false);
    }

    @PostMapping("/snapshots/{id}/publish")
    @Operation(
            summary = "Publish the draft",
            description =
                    "Its figures become the period's published figures and never change. "
                            + "When the period is published already the draft is published as its correction, with the reason required.")
    @ApiResponse(responseCode = "200", description = "the published snapshot")
    @ApiResponse(responseCode = "400", description = "reason missing for a correction (the problem names 'reason')")
    @ApiResponse(responseCode = "403", description = "the key is not a province manager's")
    @ApiResponse(responseCode = "404", description = "no such snapshot")
    @ApiResponse(
            responseCode = "409",
            description = "published already (publishing twice), or a stale draft: recomputed, discarded, "
                    + "or computed under a methodology version no longer in force; or (the problem names 'reviews') "
                    + "the draft lacks the reviews, by someone other than the publisher, that "
                    + "hailong.index.publication.reviews-required asks for (default 1)")
    @ApiResponse(responseCode = "422", description = "a reason for a period that is not published yet")
    SnapshotResponse publish(@PathVariable UUID id, @RequestBody(required = false) @Nullable PublishRequest body) {
        return response(publications.publishDraft(id, body == null ? null : body.reason()), null, false);
    }

    /** Says which key may, instead of Spring's bare "Access Denied". */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "Computing, reviewing and publishing the index needs a province manager's (or administrator's) API key, "
                        + "which acts as that account; this key may not (an integrator's key, or a unit manager's: their units only).");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private SnapshotResponse response(Snapshot s, @Nullable Boolean replayed, boolean withResults) {
        return new SnapshotResponse(
                s.id(),
                s.scheme(),
                s.period(),
                s.status().name(),
                s.methodologyVersion(),
                s.inputsHash(),
                s.units(),
                s.computedAt(),
                s.computedBy(),
                s.computeMillis(),
                s.publishedAt(),
                s.publishedBy(),
                s.corrects(),
                s.correctionReason(),
                s.correctedBy(),
                reviews.reviews(s.id()).stream()
                        .map(r -> new ReviewResponse(r.reviewedBy(), r.reviewedAt(), r.inputsHash(), r.note()))
                        .toList(),
                replayed,
                withResults
                        ? snapshots.draftResults(s.id()).stream()
                                .map(IndexApiController.IndexRow::of)
                                .toList()
                        : null);
    }

    private static String scheme(@Nullable String scheme) {
        return scheme == null || scheme.isBlank() ? MethodologyService.DEFAULT_SCHEME : scheme.strip();
    }
}
