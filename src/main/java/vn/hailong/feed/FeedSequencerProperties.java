package vn.hailong.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How committed rating changes get their place in the feed ({@code hailong.feed.sequencer.*},
 * {@link RatingFeedSequencer}, ADR 099).
 *
 * @param batch the most changes numbered in one transaction; a full batch is followed by the next at once
 * @param poll how often the sequencer looks for unnumbered changes when no commit woke it
 * @param settle how long the sequencer waits, once woken by a commit, for the commits that follow
 *     it, so that a burst of ratings is numbered in one batch (one write of the sequence row)
 */
@ConfigurationProperties("hailong.feed.sequencer")
record FeedSequencerProperties(
        @DefaultValue("1000") int batch,
        @DefaultValue("PT1S") Duration poll,
        @DefaultValue("PT0.2S") Duration settle) {}
