package vn.hailong.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingService;
import vn.hailong.rating.RatingSubmission;

/** Ratings gathered by other channels (portal, paper forms keyed in, phone surveys). */
@RestController
@RequestMapping("/api/v1/ratings")
class RatingApiController {

    private final RatingService ratings;

    RatingApiController(RatingService ratings) {
        this.ratings = ratings;
    }

    record RatingRequest(
            @Nullable String dossierCode,
            @Nullable String channel,
            @Nullable String idempotencyKey,
            @Nullable Map<String, String> answers,
            @Nullable List<String> reasons,
            @Nullable String comment) {}

    record RatingResponse(
            String ratingId,
            @Nullable String dossierCode,
            String status,
            String channel,
            Instant submittedAt,
            boolean replayed) {}

    /** Stores the rating (201), or answers a retry with the first result (200, replayed). */
    @PostMapping
    ResponseEntity<RatingResponse> submit(@RequestBody RatingRequest body) {
        RatingOutcome outcome = ratings.submit(new RatingSubmission(
                body.dossierCode(),
                body.channel(),
                body.idempotencyKey(),
                body.answers(),
                body.reasons(),
                body.comment(),
                null));
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new RatingResponse(
                        outcome.ratingId().toString(),
                        outcome.dossierCode(),
                        outcome.status().name(),
                        outcome.channel().name(),
                        outcome.submittedAt(),
                        outcome.replayed()));
    }
}
