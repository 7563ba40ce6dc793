package vn.hailong;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.hailong.platform.Words;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English bundle keeps up with the root one (issue 21, item 2): every word of {@code
 * translations.properties} (Vietnamese) has its English in {@code translations_en.properties}, with
 * the same placeholders {@code {n}}, but the words of the screens that are Vietnamese only
 * (platform.ui.VietnameseFirst), listed below by prefix. A key added to the root bundle outside those
 * needs its English, or this fails; so does an English text that takes other values than its
 * Vietnamese one, or an apostrophe MessageFormat would eat.
 */
class TranslationsEnglishTest {

    /** A MessageFormat argument: {@code {0}}, {@code {1,number}}; group 1 its index. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(?:,[^}]*)?}");
    /** The keys without English on purpose: the words of screens shown in Vietnamese only. */
    private static final List<String> VIETNAMESE_ONLY = List.of(
            // The index module's labels for the codes of methodologies and results (the managers' screens)
            "index.bandBasis.",
            "index.criterion.",
            "index.curve.",
            "index.fallback.",
            "index.flag.",
            "index.onTimeBy.",
            "index.peerGroup.",
            "index.rankBy.",
            "index.rounding.",
            "index.source.",
            "index.withoutDossiers",
            // The index screens and the open-data page (index/ui)
            "index.ui.",
            // The dashboard, its exports' titles and the PDF report (dashboard/**, report.*)
            "dashboard.",
            "report.",
            // The export bar's language picker (on the dashboard)
            "export.language",
            // The officer's page (Quầy của tôi) and the access-denied page
            "officer.",
            "denied.",
            // The administration screens: accounts, log-in, two-factor, API keys, audit log, moderation,
            // follow-up, webhooks, paper forms, kiosk devices
            "security.ui.",
            "apikeys.",
            "audit.ui.",
            "moderation.ui.",
            "followup.ui.",
            "webhook.ui.",
            "paperform.ui.",
            "kiosk.ui.devices.");

    @Test
    void every_word_has_english_but_the_vietnamese_only_screens() throws IOException {
        Properties vietnamese = OneSourceOfWordsTest.bundle("translations.properties");
        Properties english = OneSourceOfWordsTest.bundle("translations_en.properties");
        Set<String> withoutEnglish = new TreeSet<>();
        for (String key : vietnamese.stringPropertyNames()) {
            if (!english.containsKey(key) && VIETNAMESE_ONLY.stream().noneMatch(key::startsWith)) {
                withoutEnglish.add(key);
            }
        }
        assertThat(withoutEnglish)
                .as("keys of translations.properties without English in translations_en.properties")
                .isEmpty();
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(vietnamese.stringPropertyNames());
        assertThat(onlyEnglish)
                .as("keys of translations_en.properties the root bundle does not have")
                .isEmpty();
        // The list stays honest: each of its prefixes still names words without English.
        List<String> stale = new ArrayList<>();
        for (String prefix : VIETNAMESE_ONLY) {
            if (vietnamese.stringPropertyNames().stream()
                    .noneMatch(k -> k.startsWith(prefix) && !english.containsKey(k))) {
                stale.add(prefix);
            }
        }
        assertThat(stale)
                .as("Vietnamese-only prefixes with no word left without English")
                .isEmpty();
    }

    @Test
    void english_takes_the_same_values_as_vietnamese() throws IOException {
        Properties vietnamese = OneSourceOfWordsTest.bundle("translations.properties");
        Properties english = OneSourceOfWordsTest.bundle("translations_en.properties");
        List<String> differing = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (!vietnamese.containsKey(key)) {
                continue;
            }
            Set<Integer> vi = arguments(vietnamese.getProperty(key));
            Set<Integer> en = arguments(english.getProperty(key));
            if (!vi.equals(en)) {
                differing.add(key + ": " + vi + " in Vietnamese, " + en + " in English");
            }
        }
        assertThat(differing)
                .as("placeholders {n} that differ between the bundles")
                .isEmpty();
    }

    @Test
    void english_apostrophes_are_as_messageformat_reads_them() throws IOException {
        Properties english = OneSourceOfWordsTest.bundle("translations_en.properties");
        List<String> unsound = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String text = english.getProperty(key);
            // With arguments the text is a MessageFormat pattern: an apostrophe is written ''.
            // Without, it is shown as written: '' would show two.
            boolean pattern = !arguments(text).isEmpty();
            if (pattern ? text.replace("''", "").contains("'") : text.contains("''")) {
                unsound.add(key + "=" + text);
            }
        }
        assertThat(unsound).as("apostrophes as MessageFormat reads them").isEmpty();
        assertThat(Words.of("security.error.noSuchAccount", Locale.ENGLISH, "nv.an"))
                .isEqualTo("No account 'nv.an'");
        assertThat(Words.of("followup.note.superseded", Locale.ENGLISH))
                .isEqualTo("This rating was replaced by the citizen's own rating through the QR code.");
    }

    @Test
    void the_guard_reads_placeholders() {
        assertThat(arguments("{0} câu trả lời ''{1}'', tổng {2,number} điểm")).containsExactly(0, 1, 2);
        assertThat(arguments("Hạn {3}: {0}, {0}")).containsExactly(0, 3);
        assertThat(arguments("no argument")).isEmpty();
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }
}
