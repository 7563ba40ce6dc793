package vn.hailong.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import vn.hailong.feed.RatingFeed;
import vn.hailong.feed.RatingFeedPage;
import vn.hailong.platform.FieldErrors;

/** The ratings feed: every rating's recording and status changes, in order, after a cursor (ADR 099). */
@RestController
@RequestMapping("/api/v1/ratings")
class RatingFeedApiController {

    private final RatingFeed feed;

    RatingFeedApiController(RatingFeed feed) {
        this.feed = feed;
    }

    record FeedPage(List<FeedItem> items, String next, boolean more) {}

    record FeedItem(String cursor, RatingFeedPage.Change change, RatingFeedPage.Rating rating) {}

    @Operation(summary = "Ratings feed", description = """
            Every change of every rating the key may see (its recording, then each status change: SUPERSEDED by the
            citizen's own phone rating, EXCLUDED or counted again by moderation), oldest first, each once. Send the `next`
            of the last page as `after` (none: from the start); an empty page answers the same `next`. `more` says whether
            to ask again at once. Each item carries the rating as it stood right after its change: dossier code, unit,
            channel, answers with points, reasons, its comment without contact details, status and its history.
            A key limited to a unit sees its subtree only; `unit` narrows to a subtree within what the key may see.""")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    FeedPage page(
            @Parameter(description = "the `next` of the previous page; empty: from the start")
                    @RequestParam(required = false)
                    @Nullable
                    String after,
            @Parameter(description = "1–500, default 100") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "an agency code: only its subtree") @RequestParam(required = false) @Nullable
                    String unit) {
        RatingFeedPage page = feed.page(after, limit(limit), unit);
        return new FeedPage(
                page.items().stream()
                        .map(i -> new FeedItem(i.cursor().token(), i.change(), i.rating()))
                        .toList(),
                page.next().token(),
                page.more());
    }

    private static @Nullable Integer limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            FieldErrors errors = new FieldErrors();
            errors.malformed("limit", "limit must be a whole number between 1 and " + RatingFeed.MAX_LIMIT);
            errors.throwIfAny();
            return null;
        }
    }
}
