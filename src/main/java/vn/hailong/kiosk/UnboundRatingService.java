package vn.hailong.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.Retries;
import vn.hailong.rating.Questionnaire;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingId;
import vn.hailong.rating.RatingOutcome;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingSubmissionPolicy;

/**
 * Ratings without a dossier, where the device may take them: checked against the device's
 * questionnaire like any rating, stored once per idempotency key, kept apart from counted ratings
 * (no event is published, so no rollup, follow-up or index ever sees them).
 */
@Service
class UnboundRatingService {

    private static final RetryTemplate RACES = Retries.onWriteConflictOrDuplicate(3);

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final UnboundRatingStore store;
    private final Clock clock;
    private final TransactionTemplate transaction;

    UnboundRatingService(UnboundRatingStore store, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    RatingOutcome store(KioskDeviceInfo device, KioskRating rating, Questionnaire questionnaire) {
        String refusal = RatingSubmissionPolicy.refusal(authorities(), RatingChannel.KIOSK);
        if (refusal != null) {
            throw new AccessDeniedException(refusal);
        }
        FieldErrors errors = new FieldErrors();
        if (rating.idempotencyKey() == null
                || !IDEMPOTENCY_KEY.matcher(rating.idempotencyKey()).matches()) {
            errors.malformed(
                    "idempotencyKey", "idempotencyKey is required: 8 to 100 characters of A-Z a-z 0-9 . _ : -");
        }
        Questionnaire.CheckedAnswers checked =
                questionnaire.check(rating.answers(), rating.reasons(), rating.comment(), errors);
        errors.throwIfAny();
        String answers = new TreeMap<>(checked.answers())
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().key())
                        .collect(Collectors.joining(";"));
        String reasons = checked.reasons().isEmpty() ? null : String.join(",", new TreeSet<>(checked.reasons()));
        byte[] hash = hash(device.code() + "|" + answers + "|" + reasons + "|" + checked.comment());
        // The same key stored by another node a moment ago (a unique key refuses ours): look again.
        return RACES.invoke(() -> transaction.execute(tx -> {
            // Checked above: past throwIfAny the key is there.
            var earlier = store.findByIdempotencyKey(Objects.requireNonNull(rating.idempotencyKey()));
            if (earlier.isPresent()) {
                if (!Arrays.equals(earlier.get().getRequestHash(), hash)) {
                    throw new ConflictException(
                            "idempotencyKey",
                            "idempotencyKey '" + rating.idempotencyKey()
                                    + "' was already used for a different rating; use a new key for a new rating");
                }
                return outcome(earlier.get(), true);
            }
            Instant now = clock.instant();
            UnboundRating stored = store.saveAndFlush(new UnboundRating(
                    device.id(),
                    device.counterId(),
                    questionnaire.templateId(),
                    checked.overall().key(),
                    checked.overall().points(),
                    answers,
                    reasons,
                    checked.comment(),
                    now,
                    Objects.requireNonNull(rating.idempotencyKey()),
                    hash));
            return outcome(stored, false);
        }));
    }

    long countOfDevice(UUID deviceId) {
        return store.countByDeviceId(deviceId);
    }

    private static RatingOutcome outcome(UnboundRating rating, boolean replayed) {
        return new RatingOutcome(
                RatingId.of(rating.getId()),
                null,
                RatingStatus.UNBOUND,
                RatingChannel.KIOSK,
                rating.getSubmittedAt(),
                replayed);
    }

    private static Set<String> authorities() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    private static byte[] hash(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
