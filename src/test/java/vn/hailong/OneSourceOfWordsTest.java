package vn.hailong;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * zone, a second time. Two copies had already come apart (the telephone channel had two names). The
 * citizen's pages (the kiosk, the survey page on the phone) take all their words from the bundles,
 * in Vietnamese and in English; so do the managers' and administrators' screens, in Vietnamese only.
 */
class OneSourceOfWordsTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/hailong");
    private static final Locale EN = Locale.ENGLISH;
    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    /**
     * The folders whose words are in the bundles, none in code: the citizen's pages, in both
     * languages; the managers' index screens (index.ui.*) and the dashboard (dashboard.*), in Vietnamese.
     */
    private static final List<String> CITIZEN_PAGES = List.of(
            // The kiosk and the survey page on the phone.
            "kiosk/ui",
            "survey/web",
            // The managers' index screens and the open-data page: index.ui.* (Vietnamese only).
            "index/ui",
            // The dashboard, its exports and the PDF report (managers' screens, Vietnamese only: their
            // words are in the bundles too, dashboard.*, without English).
            "dashboard");
    /** The bundles' prefixes of those pages' words. */
    private static final List<String> CITIZEN_PAGE_KEYS = List.of("kiosk.", "survey.page.");
    /**
     * The managers' and administrators' screens: Vietnamese only (platform.ui.VietnameseFirst), their
     * words in the bundles, none in code. The kiosk devices' list is in kiosk/ui, scanned above.
     */
    private static final List<String> ADMINISTRATION_SCREENS = List.of(
            // accounts, log-in, the second log-in step, the own password, API keys
            "security/ui",
            // the audit log
            "audit/ui",
            // the disputes and one rating's moderation
            "moderation/ui",
            // the follow-up cases
            "followup/ui",
            // webhook endpoints
            "webhook/ui",
            // keying paper forms and their checks
            "paperform/ui");
    /** The bundles' prefixes of those screens' words (Vietnamese only: no English needed). */
    private static final List<String> ADMINISTRATION_SCREEN_KEYS = List.of(
            "security.ui.",
            "audit.ui.",
            "moderation.ui.",
            "followup.ui.",
            "webhook.ui.",
            "paperform.ui.",
            // the kiosk devices' list: under the kiosk's prefix, but an administrators' screen
            "kiosk.ui.devices.");
    /** A Vietnamese letter with a diacritic: what a Vietnamese word in code gives itself away by. */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Java's comments, text blocks (group 1), string literals (group 2) and character literals, in order. */
    private static final Pattern TOKENS = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\n]*|\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"|'(?:[^'\\\\\n]|\\\\.)+'");
    /** Vietnamese string literals a citizen's page may keep in code, by file, and why. */
    private static final Map<String, Set<String>> CITIZEN_PAGE_LITERALS = Map.of(
            // The kiosk page's title: an annotation value (@PageTitle), which must be a constant.
            "kiosk/ui/KioskView.java",
            Set.of("Đánh giá hài lòng · Hài Lòng"),
            // The on-screen keyboard's letter keys: letters to type, not words.
            "kiosk/ui/VietnameseKeys.java",
            Set.of("đ", "ă", "â", "ê", "ô", "ơ", "ư"),
            // The index screens' page titles and menu entries: annotation values (@PageTitle, @Menu), constants.
            "index/ui/ExplainView.java",
            Set.of("Giải thích điểm · Hài Lòng", "Giải thích điểm"),
            "index/ui/IndexReviewView.java",
            Set.of("Tính và công bố chỉ số · Hài Lòng", "Tính và công bố chỉ số"),
            "index/ui/MethodologyView.java",
            Set.of("Phương pháp tính chỉ số · Hài Lòng", "Phương pháp tính"),
            "index/ui/UnitIndicatorView.java",
            Set.of("Nhập chỉ số đơn vị · Hài Lòng", "Nhập chỉ số đơn vị"),
            // The open-data page's title: an annotation value (@PageTitle), a constant.
            "index/ui/OpenDataView.java",
            Set.of("Dữ liệu mở: chỉ số hài lòng · Hài Lòng"),
            // The dashboard's page title and menu entry: annotation values (@PageTitle, @Menu), constants.
            "dashboard/ui/DashboardView.java",
            Set.of("Bảng điều khiển · Hài Lòng", "Bảng điều khiển"),
            // The officer's page title and menu entry: annotation values (@PageTitle, @Menu), constants.
            "dashboard/ui/CounterDeskView.java",
            Set.of("Quầy của tôi · Hài Lòng", "Quầy của tôi"),
            // The dossier page's title: an annotation value (@PageTitle), which must be a constant.
            "dashboard/ui/DossierRatingsView.java",
            Set.of("Hồ sơ · Hài Lòng"));
    /**
     * Vietnamese string literals the administration screens keep in code, by file: the pages'
     * titles (@PageTitle) and the menu's titles (@Menu), annotation values, which must be constants.
     */
    private static final Map<String, Set<String>> ADMINISTRATION_SCREEN_LITERALS = Map.ofEntries(
            // @PageTitle, @Menu
            Map.entry("security/ui/AccountsView.java", Set.of("Tài khoản · Hài Lòng", "Tài khoản")),
            // @PageTitle, @Menu
            Map.entry("security/ui/ApiKeysView.java", Set.of("Khoá API · Hài Lòng", "Khoá API")),
            // @PageTitle
            Map.entry("security/ui/ChangePasswordView.java", Set.of("Đổi mật khẩu · Hài Lòng")),
            // @PageTitle
            Map.entry("security/ui/LoginView.java", Set.of("Đăng nhập · Hài Lòng")),
            // @PageTitle
            Map.entry("security/ui/TwoFactorView.java", Set.of("Xác thực hai bước · Hài Lòng")),
            // @PageTitle, @Menu
            Map.entry("audit/ui/AuditLogView.java", Set.of("Nhật ký kiểm toán · Hài Lòng", "Nhật ký kiểm toán")),
            // @PageTitle, @Menu
            Map.entry(
                    "moderation/ui/ModerationView.java",
                    Set.of("Kiểm duyệt đánh giá · Hài Lòng", "Kiểm duyệt đánh giá")),
            // @PageTitle
            Map.entry("moderation/ui/RatingModerationView.java", Set.of("Kiểm duyệt một đánh giá · Hài Lòng")),
            // @PageTitle
            Map.entry("followup/ui/FollowUpCaseView.java", Set.of("Phản ánh · Hài Lòng")),
            // @PageTitle, @Menu
            Map.entry("followup/ui/FollowUpListView.java", Set.of("Theo dõi phản ánh · Hài Lòng", "Theo dõi phản ánh")),
            // @PageTitle
            Map.entry("webhook/ui/WebhooksView.java", Set.of("Webhook · Hài Lòng")),
            // @PageTitle, @Menu
            Map.entry(
                    "paperform/ui/PaperFormChecksView.java",
                    Set.of("Kiểm tra nhập phiếu giấy · Hài Lòng", "Phiếu giấy")),
            // @PageTitle, @Menu
            Map.entry(
                    "paperform/ui/PaperFormView.java",
                    Set.of("Nhập phiếu khảo sát giấy · Hài Lòng", "Nhập phiếu giấy")),
            // @PageTitle
            Map.entry("paperform/ui/SecondKeyingView.java", Set.of("Nhập lần hai · Hài Lòng")),
            // @PageTitle, @Menu
            Map.entry("kiosk/ui/KioskDevicesView.java", Set.of("Thiết bị kiosk · Hài Lòng", "Thiết bị kiosk")));
    /**
     * The bundles' prefixes of the services' words (e-mails, validation and error messages, enum
     * labels, the rating slip, the managers' frame): Vietnamese only, the English of a message in
     * the same text where it has one. The whole of src/main/java is scanned for them.
     */
    private static final List<String> SERVICE_KEYS = List.of(
            "followup.mail.",
            "followup.note.",
            "index.mail.",
            "index.edit.",
            "index.basis.",
            "index.error.",
            "index.circular01Band.",
            // the kiosk's e-mail and web app manifest: under the kiosk's prefix, but not the citizen's page
            "kiosk.mail.",
            "kiosk.web.",
            "moderation.disputeReason.",
            "paperform.error.",
            "platform.ui.",
            "rating.error.",
            "receipt.slip.",
            "security.error.",
            "security.password.",
            "security.account.",
            "webhook.mail.");
    /**
     * Vietnamese string literals the rest of the code keeps, by file, and why: data, not words.
     * demo/DemoCatalogue.java is the demo's data as a whole and is not scanned.
     */
    private static final Map<String, Set<String>> SERVICE_LITERALS = Map.of(
            // The product's name in the operator's console line of the migration step.
            "HaiLongApplication.java",
            Set.of("Hài Lòng: "),
            // The issuer's default name in the authenticator app: the product's name, an annotation's constant.
            "security/TwoFactorPolicy.java",
            Set.of("Hài Lòng"),
            // A procedure's field of the demo catalogue, compared (data).
            "demo/DemoPlan.java",
            Set.of("Đất đai"),
            // The demo centre's name and a demo case's note (demo data, like DemoCatalogue).
            "demo/DemoDataGenerator.java",
            Set.of(
                    "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
                    "Đã gọi điện giải thích quy trình và thời hạn; công dân đồng ý với cách giải quyết (dữ liệu minh hoạ)."));
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
    void the_times_people_read_are_written_by_formats() throws IOException {
        // The formatters left in code are machine-facing, not for people to read (each says so).
        Set<String> machineFacing = Set.of(
                // the yyMMdd of a dossier code, as the one-stop software writes it
                "kiosk/KioskService.java",
                // the yyMMdd of a demo dossier's code
                "demo/DemoPlan.java",
                // the audit record's UTC time, in its English detail
                "security/LoginProtection.java");
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (withoutComments(Files.readString(file)).contains("DateTimeFormatter.ofPattern(")
                        && !name.equals("platform/Formats.java")
                        && !machineFacing.contains(name)) {
                    copies.add(name);
                }
            }
        }
        assertThat(copies)
                .as("days and times for people are written by platform.Formats, in the Clock's zone")
                .isEmpty();
    }

    @Test
    void the_guard_sees_a_copy() {
        String code = withoutComments("class X { // \"Được tính\" in a comment is fine\n String s = \"Được tính\"; }");
        assertThat(code).contains("\"Được tính\"");
        assertThat(withoutComments("/** {@code COUNTED} → \"Được tính\" */ class Y {}"))
                .doesNotContain("Được tính");
    }

    @Test
    void the_citizens_pages_write_no_vietnamese_in_code() throws IOException {
        List<String> words = new ArrayList<>();
        for (String folder : Stream.concat(CITIZEN_PAGES.stream(), ADMINISTRATION_SCREENS.stream())
                .toList()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(folder))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = SOURCES.relativize(file).toString().replace('\\', '/');
                    for (String literal : vietnameseLiterals(Files.readString(file))) {
                        if (!CITIZEN_PAGE_LITERALS.getOrDefault(name, Set.of()).contains(literal)
                                && !ADMINISTRATION_SCREEN_LITERALS
                                        .getOrDefault(name, Set.of())
                                        .contains(literal)) {
                            words.add(name + " writes \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        assertThat(words)
                .as("the kiosk's, the survey page's and the index screens' words are in the bundles"
                        + " (kiosk.*, survey.page.*, index.ui.*)")
                .isEmpty();
    }

    @Test
    void the_rest_of_the_code_writes_no_vietnamese() throws IOException {
        List<String> scannedAbove = Stream.concat(CITIZEN_PAGES.stream(), ADMINISTRATION_SCREENS.stream())
                .map(folder -> folder + "/")
                .toList();
        List<String> words = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (name.equals("demo/DemoCatalogue.java")
                        || scannedAbove.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                for (String literal : vietnameseLiterals(Files.readString(file))) {
                    if (!SERVICE_LITERALS.getOrDefault(name, Set.of()).contains(literal)) {
                        words.add(name + " writes \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(words)
                .as("the services' words (e-mails, errors, labels) are in the bundles: " + SERVICE_KEYS)
                .isEmpty();
    }

    @Test
    void every_key_the_services_write_has_words_and_is_a_sound_message() throws IOException {
        Properties vietnamese = bundle("translations.properties");
        // Words.of("key", …) or getTranslation("key", …); a key ending in '.' is a prefix completed in code.
        Pattern call = Pattern.compile("(?:Words\\.of|getTranslation)\\(\\s*\"([\\w.]+)\"");
        List<String> missing = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    String k = m.group(1);
                    if (SERVICE_KEYS.stream().noneMatch(k::startsWith)) {
                        continue;
                    }
                    written.add(k);
                    if (!vietnamese.containsKey(k)
                            && (!k.endsWith(".")
                                    || vietnamese.stringPropertyNames().stream().noneMatch(p -> p.startsWith(k)))) {
                        missing.add(file.getFileName() + ": " + k);
                    }
                }
            }
        }
        assertThat(written).as("keys of the services seen").hasSizeGreaterThan(80);
        assertThat(missing)
                .as("keys without words (the mail or message would show the key)")
                .isEmpty();
        List<String> unsound = new ArrayList<>();
        for (String key : vietnamese.stringPropertyNames()) {
            if (SERVICE_KEYS.stream().noneMatch(key::startsWith)) {
                continue;
            }
            String text = vietnamese.getProperty(key);
            boolean pattern = text.matches("(?s).*\\{\\d.*");
            if (pattern ? text.replace("''", "").contains("'") : text.contains("''")) {
                unsound.add(key + "=" + text);
            }
        }
        assertThat(unsound).as("apostrophes as MessageFormat reads them").isEmpty();
        assertThat(Words.of("security.error.noSuchAccount", Words.VI, "nv.an"))
                .isEqualTo("Không có tài khoản 'nv.an' (no such account)");
        assertThat(Words.of("paperform.error.sameClerk", Words.VI))
                .isEqualTo(
                        "Người nhập lần hai phải khác người nhập lần đầu (the second keying must be someone else's)");
    }

    @Test
    void the_guard_sees_a_vietnamese_literal() {
        assertThat(vietnameseLiterals("""
                        /** "Cảm ơn" in a comment is fine. */ class X { // and "Xin chào" here
                          char q = '"'; String a = "key.only", b = "Xin chào", c = "say \\"ĐÚNG\\"", d = "x//y";
                          String e = \"""
                            Hồ sơ
                            \""";
                        }""")).containsExactly("Xin chào", "say \\\"ĐÚNG\\\"", "\n    Hồ sơ\n    ");
        assertThat(vietnameseLiterals("class Y { String s = \"English only\"; }"))
                .isEmpty();
    }

    @Test
    void every_word_of_the_citizens_pages_has_english_and_is_a_sound_message() throws IOException {
        Properties vietnamese = bundle("translations.properties");
        Properties english = bundle("translations_en.properties");
        for (String prefix : CITIZEN_PAGE_KEYS) {
            Set<String> withoutEnglish = keys(vietnamese, prefix);
            withoutEnglish.removeAll(keys(english, prefix));
            Set<String> onlyEnglish = keys(english, prefix);
            onlyEnglish.removeAll(keys(vietnamese, prefix));
            assertThat(keys(vietnamese, prefix)).as(prefix).isNotEmpty();
            assertThat(withoutEnglish)
                    .as("%s* without English (it would show Vietnamese)", prefix)
                    .isEmpty();
            assertThat(onlyEnglish).as("%s* only in English", prefix).isEmpty();
        }
        List<String> unsound = new ArrayList<>();
        for (Properties words : List.of(vietnamese, english)) {
            for (String key : words.stringPropertyNames()) {
                if (CITIZEN_PAGE_KEYS.stream().noneMatch(key::startsWith)
                        && ADMINISTRATION_SCREEN_KEYS.stream().noneMatch(key::startsWith)) {
                    continue;
                }
                String text = words.getProperty(key);
                // With arguments the text is a MessageFormat pattern: an apostrophe is written ''.
                // Without, it is shown as written: '' would show two.
                boolean pattern = text.matches("(?s).*\\{\\d.*");
                String apostrophes = text.replace("''", "");
                if (pattern ? apostrophes.contains("'") : text.contains("''")) {
                    unsound.add(key + "=" + text);
                }
            }
        }
        assertThat(unsound).as("apostrophes as MessageFormat reads them").isEmpty();
        assertThat(Words.of("kiosk.keypad.codePrefix", EN, "000.00.06.H56-231027"))
                .isEqualTo("000.00.06.H56-231027… this centre's code and today's date; then type the last 4 digits");
        assertThat(Words.of("survey.page.STAFF", EN)).contains("on a citizen's behalf");
        assertThat(Words.of("survey.page.errorTitlePrefix", Words.VI)).isEqualTo("Cần sửa: ");
    }

    @Test
    void every_key_the_kiosk_writes_has_words() throws IOException {
        Properties vietnamese = bundle("translations.properties");
        Pattern call = Pattern.compile("\\bt\\(\\s*\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        int keys = 0;
        try (Stream<Path> files = Files.walk(SOURCES.resolve("kiosk/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    keys++;
                    if (!vietnamese.containsKey("kiosk." + m.group(1))) {
                        missing.add(file.getFileName() + ": kiosk." + m.group(1));
                    }
                }
            }
        }
        assertThat(keys).as("calls of KioskWords.t seen").isGreaterThan(50);
        assertThat(missing)
                .as("keys without words (the page would show the key)")
                .isEmpty();
    }

    @Test
    void every_key_the_administration_screens_write_has_words() throws IOException {
        Properties vietnamese = bundle("translations.properties");
        // A key, or the prefix of keys completed in code ("….role." + role.name(), Words.code's prefix).
        Pattern key =
                Pattern.compile("\"((?:security|audit|moderation|followup|webhook|paperform|kiosk)\\.ui\\.[\\w.]+)\"");
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (String folder : Stream.concat(ADMINISTRATION_SCREENS.stream(), Stream.of("kiosk/ui"))
                .toList()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(folder))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(withoutComments(Files.readString(file)));
                    while (m.find()) {
                        keys++;
                        String k = m.group(1);
                        String prefix = k.endsWith(".") ? k : k + ".";
                        if (!vietnamese.containsKey(k)
                                && vietnamese.stringPropertyNames().stream().noneMatch(p -> p.startsWith(prefix))) {
                            missing.add(file.getFileName() + ": " + k);
                        }
                    }
                }
            }
        }
        assertThat(keys).as("keys of the administration screens seen").isGreaterThan(250);
        assertThat(missing)
                .as("keys without words (the screen would show the key)")
                .isEmpty();
        assertThat(Words.of("security.ui.accounts.created", Words.VI, "nv.an", "Quản trị viên"))
                .isEqualTo("Đã tạo tài khoản nv.an (Quản trị viên)");
        assertThat(Words.of("followup.ui.list.count.capped", Words.VI)).isEqualTo(" (hiển thị tối đa 500)");
    }

    @Test
    void every_key_the_index_screens_write_has_words() throws IOException {
        Properties vietnamese = bundle("translations.properties");
        Pattern key = Pattern.compile("\"(index\\.ui\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        List<String> missing = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("index/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    written.add(m.group(1));
                    if (!vietnamese.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(written).as("index.ui.* keys the index screens write").hasSizeGreaterThan(250);
        assertThat(missing)
                .as("keys without words (the screen would show the key)")
                .isEmpty();
        Set<String> unused = keys(vietnamese, "index.ui.");
        unused.removeAll(written);
        assertThat(unused).as("index.ui.* words no screen writes").isEmpty();
        List<String> unsound = new ArrayList<>();
        for (String name : keys(vietnamese, "index.ui.")) {
            String text = vietnamese.getProperty(name);
            boolean pattern = text.matches("(?s).*\\{\\d.*");
            if (pattern ? text.replace("''", "").contains("'") : text.contains("''")) {
                unsound.add(name + "=" + text);
            }
        }
        assertThat(unsound).as("apostrophes as MessageFormat reads them").isEmpty();
        // A figure goes in as text, as the screen formatted it: MessageFormat groups no digits.
        assertThat(Words.of("index.ui.review.computed", Words.VI, "2026-Q1", "1234", "56"))
                .isEqualTo("Đã tính kỳ 2026-Q1: 1234 đơn vị, 56 ms.");
    }

    /** The string literals (and text blocks) of {@code source} with a Vietnamese letter, as written. */
    static List<String> vietnameseLiterals(String source) {
        List<String> found = new ArrayList<>();
        Matcher token = TOKENS.matcher(source);
        while (token.find()) {
            String literal = token.group(1) != null ? token.group(1) : token.group(2);
            if (literal != null && VIETNAMESE.matcher(literal).find()) {
                found.add(literal);
            }
        }
        return found;
    }

    /** A bundle of vaadin-i18n, read as strict UTF-8: a byte the bundle's encoding does not allow fails the read. */
    static Properties bundle(String file) throws IOException {
        Properties words = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            words.load(in);
        }
        return words;
    }

    /** The keys under {@code prefix} of a citizen's page (not the administration screens' among them). */
    private static Set<String> keys(Properties words, String prefix) {
        Set<String> keys = new TreeSet<>();
        for (String key : words.stringPropertyNames()) {
            if (key.startsWith(prefix)
                    && ADMINISTRATION_SCREEN_KEYS.stream().noneMatch(key::startsWith)
                    && SERVICE_KEYS.stream().noneMatch(key::startsWith)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The code without its comments: a comment may quote a word. */
    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }
}
