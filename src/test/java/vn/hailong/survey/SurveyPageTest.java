package vn.hailong.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hailong.HaiLongTest;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.intake.DossierSubmission;
import vn.hailong.rating.RatingService;
import vn.hailong.receipt.SurveyLinkService;

/**
 * The citizen's survey page over real HTTP, as a phone without JavaScript uses it: plain GET, a
 * form POST with its CSRF cookie, then the thank-you page (post/redirect/get).
 */
@HaiLongTest
class SurveyPageTest {

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;
    @Autowired
    DossierIntakeService intake;
    @Autowired
    SurveyLinkService links;
    @Autowired
    RatingService ratings;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;
    String citizen;
    DossierDetails dossier;
    String path;

    @BeforeEach
    void aDossierIsBeingProcessed() {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // A new address per test, so that the per-address limit of link openings never interferes.
        citizen = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        dossier = newDossier("PROCESSING", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(5), null);
        path = links.pathFor(dossier.id());
    }

    DossierDetails newDossier(String status, OffsetDateTime due, OffsetDateTime returned) {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử nghiệm", "DEPARTMENT", null, null, null, null, null));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        OffsetDateTime received = (due.isBefore(now) ? due : now).minusDays(10);
        return intake.upsert(TestData.dossierCode(unit, 7), new DossierSubmission("1.004227", "Cấp giấy phép môi trường",
                null, unit, unit, null, "IN_PERSON", "CITIZEN", status, received.toString(), due.toString(),
                returned == null ? null : returned.toString(), List.of(), 0)).dossier();
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-Forwarded-For", citizen).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, List<String[]> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-Forwarded-For", citizen).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of the page's form (CSRF token, idempotency key, language, size). */
    static List<String[]> hiddenFields(String html) {
        List<String[]> fields = new ArrayList<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            fields.add(new String[] {m.group(1), m.group(2).replace("&amp;", "&")});
        }
        return fields;
    }

    static List<String[]> with(List<String[]> fields, String... nameValues) {
        List<String[]> all = new ArrayList<>(fields);
        for (int i = 0; i < nameValues.length; i += 2) {
            all.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        return all;
    }

    int ratingsOf(DossierDetails d) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rating WHERE dossier_id = ?", Integer.class, d.id().toString());
    }

    @Test
    void the_page_names_the_procedure_the_status_and_the_due_day_and_only_the_last_digits() throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String due = DateTimeFormatter.ofPattern(dossier.dueAt().atZone(ZoneOffset.ofHours(7)).getYear() == LocalDate.now().getYear()
                ? "dd/MM" : "dd/MM/yyyy").format(dossier.dueAt().atZone(ZoneOffset.ofHours(7)));
        assertThat(page.body()).contains("<html class=\"no-js t100\" lang=\"vi\">").contains("Cấp giấy phép môi trường")
                .contains("Hồ sơ số …0007 · đang xử lý, hẹn trả " + due)
                .contains("<legend><span>Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?</span>")
                .doesNotContain(dossier.code());
        assertThat(page.body()).doesNotContain("vaadin").doesNotContain("VAADIN");
        assertThat(hiddenFields(page.body())).extracting(f -> f[0]).contains("_csrf", "key", "lang", "size");
    }

    @Test
    void the_stylesheet_is_cached_for_a_year_and_compressed() throws Exception {
        Matcher css = Pattern.compile("href=\"(/survey-assets/survey\\.[0-9a-f]{12}\\.css)\"").matcher(get(path).body());
        assertThat(css.find()).isTrue();
        HttpResponse<String> sheet = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1)))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(sheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/survey-assets/survey.000000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void english_and_larger_text_work_without_javascript() throws Exception {
        String html = get(path + "?lang=en&size=3").body();
        assertThat(html).contains("<html class=\"no-js t130\" lang=\"en\">")
                .contains("How satisfied are you with how your dossier was handled?")
                .contains("Dossier …0007 · being processed, due");
        // The switches are plain links keeping the other setting.
        assertThat(html).contains("href=\"" + path + "?size=3\"").contains("href=\"" + path + "?lang=en&amp;size=2\"")
                .contains("href=\"" + path + "?lang=en&amp;size=4\"");
    }

    @Test
    void not_satisfied_without_a_reason_is_shown_again_with_the_message_and_the_answers_kept() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> again = post(path, with(hidden, "q.overall", "DISSATISFIED", "q.attitude", "SATISFIED",
                "comment", ""));
        assertThat(again.statusCode()).isEqualTo(422);
        String html = again.body();
        assertThat(html).contains("<title>Cần sửa: Đánh giá sự hài lòng</title>")
                .contains("id=\"errors\" tabindex=\"-1\" autofocus")
                .contains("<a href=\"#reason-SLOW\">Vui lòng chọn ít nhất một lý do hoặc ghi góp ý</a>")
                .contains("aria-describedby=\"reasons-error\"")
                .containsPattern("id=\"q-overall-DISSATISFIED\" name=\"q.overall\" value=\"DISSATISFIED\" checked")
                .containsPattern("id=\"q-attitude-SATISFIED\" name=\"q.attitude\" value=\"SATISFIED\" checked")
                .contains("class=\"reveal open\"");
        assertThat(ratingsOf(dossier)).isZero();
        // The same key is kept, so that the corrected answer is still one rating.
        assertThat(hiddenFields(html)).anySatisfy(f -> assertThat(f).containsExactly("key",
                hidden.stream().filter(h -> h[0].equals("key")).findFirst().orElseThrow()[1]));

        HttpResponse<String> sent = post(path, with(hiddenFields(html), "q.overall", "DISSATISFIED", "reason", "SLOW"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "/thanks"));
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT GROUP_CONCAT(rr.reason_code) FROM rating_reason rr JOIN rating r ON r.id = rr.rating_id"
                + " WHERE r.dossier_id = ?", String.class, dossier.id().toString())).isEqualTo("SLOW");
    }

    @Test
    void a_double_submit_stores_one_rating_and_both_land_on_the_thank_you_page() throws Exception {
        List<String[]> form = with(hiddenFields(get(path).body()), "q.overall", "VERY_SATISFIED");
        HttpResponse<String> first = post(path, form);
        HttpResponse<String> second = post(path, form);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        HttpResponse<String> thanks = get(path + "/thanks");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Xin cảm ơn!").contains("id=\"thank-you\"");
        // A new page of the same link (another tab): already rated, no form.
        HttpResponse<String> reopened = get(path);
        assertThat(reopened.body()).contains("Hồ sơ này đã được đánh giá").doesNotContain("<form");
    }

    @Test
    void reasons_sent_with_a_satisfied_answer_are_ignored() throws Exception {
        HttpResponse<String> sent = post(path, with(hiddenFields(get(path).body()), "q.overall", "SATISFIED", "reason", "SLOW"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rating_reason rr JOIN rating r ON r.id = rr.rating_id WHERE r.dossier_id = ?",
                Integer.class, dossier.id().toString())).isZero();
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_stores_nothing() throws Exception {
        List<String[]> withoutToken = new ArrayList<>(hiddenFields(get(path).body()).stream().filter(f -> !f[0].equals("_csrf")).toList());
        HttpResponse<String> refused = post(path, with(withoutToken, "q.overall", "SATISFIED"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Vui lòng mở lại trang đánh giá");
        // Another site's form: no cookie of ours, any token.
        HttpClient stranger = HttpClient.newHttpClient();
        HttpResponse<String> forged = stranger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", citizen).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=abc&key=qr-12345678&q.overall=SATISFIED")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ratingsOf(dossier)).isZero();
    }

    @Test
    void unknown_expired_and_rated_links_each_get_a_polite_page_without_a_form() throws Exception {
        HttpResponse<String> unknown = get("/r/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Không tìm thấy phiếu đánh giá này").doesNotContain("<form");

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        DossierDetails old = newDossier("RETURNED", now.minusDays(45), now.minusDays(31));
        HttpResponse<String> expired = get(links.pathFor(old.id()) + "?lang=en");
        assertThat(expired.body()).contains("This survey link has expired").doesNotContain("<form");
        // Posting to an expired link stores nothing either.
        HttpResponse<String> late = post(links.pathFor(old.id()), with(hiddenFields(get(path).body()), "q.overall", "SATISFIED"));
        assertThat(late.body()).contains("Đường dẫn đánh giá đã hết hạn");
        assertThat(ratingsOf(old)).isZero();
    }

    @Test
    void the_thank_you_page_of_a_link_not_yet_rated_leads_back_to_the_survey() throws Exception {
        HttpResponse<String> thanks = get(path + "/thanks?lang=en");
        assertThat(thanks.statusCode()).isEqualTo(303);
        assertThat(thanks.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "?lang=en"));
    }

    @Test
    void nothing_is_stored_about_the_citizen_and_the_link_is_not_sent_on() throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'none'").contains("form-action 'self'").contains("script-src 'nonce-"));
        // No server session for a citizen: the CSRF token lives in a cookie.
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"))
                .anyMatch(c -> c.startsWith("HL-SURVEY-CSRF=") && c.contains("HttpOnly"));
    }

    int contactsOf(DossierDetails d) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM follow_up_contact fc JOIN follow_up_case c ON c.id = fc.case_id
                WHERE c.dossier_id = ?""", Integer.class, d.id().toString());
    }

    @Test
    void consent_to_be_called_keeps_the_number_with_the_follow_up_case_not_with_the_rating() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> wrong = post(path, with(hidden, "q.overall", "DISSATISFIED", "reason", "ATTITUDE",
                "contact", "yes", "phone", "024 3825 1234"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Số điện thoại di động chưa đúng")
                .contains("aria-describedby=\"phone-hint phone-error\"")
                .contains("value=\"024 3825 1234\"")
                .containsPattern("id=\"contact\" name=\"contact\" value=\"yes\"[^>]*checked");
        assertThat(ratingsOf(dossier)).isZero();

        HttpResponse<String> sent = post(path, with(hiddenFields(wrong.body()), "q.overall", "DISSATISFIED", "reason", "ATTITUDE",
                "contact", "yes", "phone", "+84 912 345 678"));
        assertThat(sent.statusCode()).isEqualTo(303);
        String thanks = sent.headers().firstValue("Location").orElseThrow();
        assertThat(thanks).endsWith(path + "/thanks?followup=1");
        assertThat(get(thanks.replaceFirst("^https?://[^/]+", "")).body()).contains("Cơ quan sẽ gọi lại cho ông/bà");
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(contactsOf(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT fc.phone FROM follow_up_contact fc JOIN follow_up_case c ON c.id = fc.case_id WHERE c.dossier_id = ?""",
                String.class, dossier.id().toString())).isEqualTo("0912345678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rating WHERE dossier_id = ? AND comment IS NULL", Integer.class,
                dossier.id().toString())).isEqualTo(1);
    }

    @Test
    void a_number_without_consent_or_consent_without_a_number_is_asked_again() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> noConsent = post(path, with(hidden, "q.overall", "DISSATISFIED", "reason", "SLOW", "phone", "0912345678"));
        assertThat(noConsent.statusCode()).isEqualTo(422);
        assertThat(noConsent.body()).contains("Vui lòng đánh dấu đồng ý liên hệ, hoặc xoá số điện thoại");
        HttpResponse<String> noNumber = post(path, with(hidden, "q.overall", "DISSATISFIED", "reason", "SLOW", "contact", "yes"));
        assertThat(noNumber.body()).contains("Vui lòng nhập số điện thoại, hoặc bỏ đánh dấu đồng ý liên hệ");
        assertThat(ratingsOf(dossier)).isZero();
    }

    @Test
    void a_satisfied_citizen_leaves_no_number_even_if_one_was_typed() throws Exception {
        HttpResponse<String> sent = post(path, with(hiddenFields(get(path).body()), "q.overall", "SATISFIED", "contact", "yes",
                "phone", "0912345678"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).doesNotContain("followup");
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(contactsOf(dossier)).isZero();
    }
}
