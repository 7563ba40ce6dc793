package vn.hailong.rating;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hailong.ratings.stored}, by channel: counted after the rating's transaction commits
 * (a 2xx means stored), on the node that stored it; ratings per minute are its rate, summed over
 * the nodes. Every channel is there from the start, at zero.
 */
@Component
class RatingMeters {

    private final Map<RatingChannel, Counter> stored = new EnumMap<>(RatingChannel.class);

    RatingMeters(MeterRegistry registry) {
        for (RatingChannel channel : RatingChannel.values()) {
            stored.put(
                    channel,
                    Counter.builder("hailong.ratings.stored")
                            .description("Ratings stored, by channel")
                            .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingSubmitted submitted) {
        // Every stored rating has its channel; an event replayed without one (a rebuild's, a test's) counts nothing.
        if (submitted.channel() != null) {
            Objects.requireNonNull(stored.get(submitted.channel())).increment(); // one per channel
        }
    }
}
