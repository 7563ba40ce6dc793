package vn.hailong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.hailong.followup.CaseStatus;
import vn.hailong.platform.Words;
import vn.hailong.rating.RatingChannel;
import vn.hailong.rating.RatingStatus;
import vn.hailong.rating.RatingWords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source of words and of the province's zone (issue 21, item 2): a rating's channel and status
 * have a word in each language of the bundles, and no Java source writes one of those words, or the
 * zone, a second time. Two copies had already come apart (the telephone channel had two names).
 */
class OneSourceOfWordsTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/hailong");
    private static final Locale EN = Locale.ENGLISH;
    /** Where a word may stand in code, and why. */
    private static final Set<String> ALLOWED = Set.of(
            // The paper-forms page's menu title: an annotation value, which must be a constant.
            "paperform/ui/PaperFormChecksView.java writes \"Phiếu giấy\"");

    @Test
    void every_channel_and_status_has_a_word_in_vietnamese_and_in_english() {
        for (RatingChannel channel : RatingChannel.values()) {
            assertThat(RatingWords.channel(channel.name(), Words.VI))
                    .as("vi %s", channel)
                    .isNotEqualTo(channel.name());
            assertThat(RatingWords.channel(channel.name(), EN))
                    .as("en %s", channel)
                    .isNotEqualTo(channel.name());
        }
        for (RatingStatus status : RatingStatus.values()) {
            assertThat(RatingWords.status(status.name(), Words.VI))
                    .as("vi %s", status)
                    .isNotEqualTo(status.name());
            assertThat(RatingWords.status(status.name(), EN))
                    .as("en %s", status)
                    .isNotEqualTo(status.name());
        }
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.label(Words.VI)).as("vi %s", status).isNotEqualTo(status.name());
            assertThat(status.label(EN)).as("en %s", status).isNotEqualTo(status.name());
        }
        assertThat(CaseStatus.CONTACTED.label(Words.VI)).isEqualTo("Đã liên hệ");
        assertThat(RatingWords.channel("PHONE", Words.VI)).isEqualTo("Khảo sát qua điện thoại");
        assertThat(RatingWords.channel("PHONE", EN)).isEqualTo("Telephone survey");
        // A language the bundles do not have reads Vietnamese, the root, not the JVM's language.
        assertThat(RatingWords.status("COUNTED", Locale.JAPANESE)).isEqualTo("Được tính");
        // A code without a word is shown as it is.
        assertThat(RatingWords.channel("FAX", Words.VI)).isEqualTo("FAX");
    }

    @Test
    void no_source_repeats_a_channel_or_status_word_or_the_zone() throws IOException {
        List<String> words = new ArrayList<>();
        for (RatingChannel channel : RatingChannel.values()) {
            words.add(RatingWords.channel(channel.name(), Words.VI));
        }
        for (RatingStatus status : RatingStatus.values()) {
            words.add(RatingWords.status(status.name(), Words.VI));
        }
        for (CaseStatus status : CaseStatus.values()) {
            words.add(status.label(Words.VI));
        }
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(file));
                for (String word : words) {
                    if (code.toLowerCase(Words.VI).contains("\"" + word.toLowerCase(Words.VI) + "\"")) {
                        String copy = SOURCES.relativize(file) + " writes \"" + word + "\"";
                        if (!ALLOWED.contains(copy)) {
                            copies.add(copy);
                        }
                    }
                }
                if (code.contains("\"Asia/Ho_Chi_Minh\"") && !file.endsWith("platform/TimeConfiguration.java")) {
                    copies.add(SOURCES.relativize(file) + " names the zone (use the Clock's zone, or Formats)");
                }
            }
        }
        assertThat(copies)
                .as("words and the zone have one source: the bundles, hailong.zone")
                .isEmpty();
    }

    @Test
    void the_guard_sees_a_copy() {
        String code = withoutComments("class X { // \"Được tính\" in a comment is fine\n String s = \"Được tính\"; }");
        assertThat(code).contains("\"Được tính\"");
        assertThat(withoutComments("/** {@code COUNTED} → \"Được tính\" */ class Y {}"))
                .doesNotContain("Được tính");
    }

    /** The code without its comments: a comment may quote a word. */
    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }
}
