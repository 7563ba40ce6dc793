package vn.hailong.survey;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

import static org.assertj.core.api.Assertions.assertThat;

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
        dossier = newDossier(
                "PROCESSING", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(5), null);
        path = links.pathFor(dossier.id());
    }

    DossierDetails newDossier(String status, OffsetDateTime due, OffsetDateTime returned) {
        String unit = TestData.agencyCode();
        directory.upsertUnit(unit, new UnitChange("Sở thử nghiệm", "DEPARTMENT", null, null, null, null, null));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        OffsetDateTime received = (due.isBefore(now) ? due : now).minusDays(10);
        return intake.upsert(
                        TestData.dossierCode(unit, 7),
                        new DossierSubmission(
                                "1.004227",
                                "Cấp giấy phép môi trường",
                                null,
                                unit,
                                unit,
                                null,
                                "IN_PERSON",
                                "CITIZEN",
                                status,
                                received.toString(),
                                due.toString(),
                                returned == null ? null : returned.toString(),
                                List.of(),
                                0))
                .dossier();
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .header("X-Forwarded-For", citizen)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, List<String[]> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(f[0], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .header("X-Forwarded-For", citizen)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every POST of the page is answered by a redirect (post/redirect/get): the GET it leads to. */
    HttpResponse<String> follow(HttpResponse<String> posted) throws Exception {
        assertThat(posted.statusCode())
                .as("a POST is answered by 303 See Other")
                .isEqualTo(303);
        return get(posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    int draftsOf(DossierDetails d) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM survey_draft WHERE dossier_id = ?", Integer.class, d.id().toString());
    }

    /** The hidden fields of the page's form (CSRF token, idempotency key, language, size). */
    static List<String[]> hiddenFields(String html) {
        List<String[]> fields = new ArrayList<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(html);
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
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rating WHERE dossier_id = ?", Integer.class, d.id().toString());
    }

    @Test
    void the_page_names_the_procedure_the_status_and_the_due_day_and_only_the_last_digits() throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String due = DateTimeFormatter.ofPattern(
                        dossier.dueAt().atZone(ZoneOffset.ofHours(7)).getYear()
                                        == LocalDate.now().getYear()
                                ? "dd/MM"
                                : "dd/MM/yyyy")
                .format(dossier.dueAt().atZone(ZoneOffset.ofHours(7)));
        assertThat(page.body())
                .contains("<html class=\"no-js t100\" lang=\"vi\">")
                .contains("Cấp giấy phép môi trường")
                .contains("Hồ sơ số …0007 · đang xử lý, hẹn trả " + due)
                .contains("<legend><span>Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?</span>")
                .doesNotContain(dossier.code());
        assertThat(page.body()).doesNotContain("vaadin").doesNotContain("VAADIN");
        assertThat(hiddenFields(page.body())).extracting(f -> f[0]).contains("_csrf", "key", "lang", "size");
    }

    @Test
    void the_page_and_its_stylesheet_stay_light() throws Exception {
        HttpResponse<byte[]> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-Forwarded-For", citizen)
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Matcher css = Pattern.compile("href=\"(/survey-assets/survey\\.[0-9a-f]{12}\\.css)\"")
                .matcher(get(path).body());
        assertThat(css.find()).isTrue();
        HttpResponse<byte[]> sheet = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1)))
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        int html = page.body().length;
        int styles = sheet.body().length;
        System.out.println("survey page weight: html " + html + " B gzip, css " + styles + " B gzip, total "
                + (html + styles) + " B");
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // ADR 005: two requests, a few kilobytes; the budget leaves room, not a licence to grow.
        assertThat(html + styles).as("bytes transferred for a first visit").isLessThan(8 * 1024);
    }

    @Test
    void the_stylesheet_is_cached_for_a_year_and_compressed() throws Exception {
        Matcher css = Pattern.compile("href=\"(/survey-assets/survey\\.[0-9a-f]{12}\\.css)\"")
                .matcher(get(path).body());
        assertThat(css.find()).isTrue();
        HttpResponse<String> sheet = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1)))
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(sheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/survey-assets/survey.000000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void english_and_larger_text_work_without_javascript() throws Exception {
        String html = get(path + "?lang=en&size=3").body();
        assertThat(html)
                .contains("<html class=\"no-js t130\" lang=\"en\">")
                .contains("How satisfied are you with how your dossier was handled?")
                .contains("Dossier …0007 · being processed, due");
        // The switches are buttons of the form (their names start with what they show), so the answers go along.
        assertThat(html)
                .contains(
                        "<button type=\"submit\" name=\"do\" value=\"smaller\" class=\"tool\" id=\"text-smaller\">A-<span class=\"sr\"> Smaller text</span></button>")
                .contains("name=\"do\" value=\"larger\"")
                .contains("name=\"do\" value=\"lang\"");
    }

    @Test
    void a_switch_keeps_every_answer_ticked_so_far_and_stores_no_rating() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> larger = post(
                path,
                with(
                        hidden,
                        "do",
                        "larger",
                        "q.overall",
                        "DISSATISFIED",
                        "q.attitude",
                        "SATISFIED",
                        "reason",
                        "SLOW",
                        "reasonDetail",
                        "Chờ lâu",
                        "comment",
                        "Cán bộ nhiệt tình",
                        "contact",
                        "yes",
                        "phone",
                        "0912 345 678"));
        assertThat(larger.statusCode()).isEqualTo(303);
        assertThat(larger.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "?size=2"));
        String html = follow(larger).body();
        assertThat(html)
                .contains("<html class=\"no-js t115\" lang=\"vi\">")
                .containsPattern("id=\"q-overall-DISSATISFIED\" name=\"q.overall\" value=\"DISSATISFIED\" checked")
                .containsPattern("id=\"q-attitude-SATISFIED\" name=\"q.attitude\" value=\"SATISFIED\" checked")
                .containsPattern("id=\"reason-SLOW\" value=\"SLOW\" checked")
                .contains(">Chờ lâu</textarea>")
                .contains(">Cán bộ nhiệt tình</textarea>")
                .contains("value=\"0912 345 678\"")
                // the reasons are open (without JavaScript too), and a switch finds nothing to correct
                .contains("class=\"reveal open\"")
                .doesNotContain("id=\"errors\"");
        assertThat(ratingsOf(dossier)).isZero();
        assertThat(draftsOf(dossier)).isEqualTo(1);

        // English, from the larger page: still the same answers, and the same one-time key.
        List<String[]> again = hiddenFields(html);
        assertThat(again)
                .anySatisfy(f -> assertThat(f)
                        .containsExactly(
                                "key",
                                hidden.stream()
                                        .filter(h -> h[0].equals("key"))
                                        .findFirst()
                                        .orElseThrow()[1]));
        String english = follow(post(path, with(again, "do", "lang", "q.overall", "DISSATISFIED", "reason", "SLOW")))
                .body();
        assertThat(english)
                .contains("lang=\"en\"")
                .contains("class=\"no-js t115\"")
                .containsPattern("id=\"reason-SLOW\" value=\"SLOW\" checked");

        HttpResponse<String> sent = post(
                path + "?lang=en",
                with(hiddenFields(english), "do", "send", "q.overall", "DISSATISFIED", "reason", "SLOW"));
        assertThat(sent.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "/thanks?lang=en&size=2"));
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(draftsOf(dossier))
                .as("the draft goes with the stored rating")
                .isZero();
    }

    @Test
    void the_reason_detail_comes_first_in_the_stored_comment() throws Exception {
        HttpResponse<String> sent = post(
                path,
                with(
                        hiddenFields(get(path).body()),
                        "q.overall",
                        "DISSATISFIED",
                        "reason",
                        "OTHER",
                        "reasonDetail",
                        "Phải xếp hàng hai lần",
                        "comment",
                        "Cảm ơn cán bộ"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(jdbc.queryForObject(
                        "SELECT comment FROM rating WHERE dossier_id = ?",
                        String.class,
                        dossier.id().toString()))
                .isEqualTo("Phải xếp hàng hai lần\n\nCảm ơn cán bộ");
    }

    @Test
    void a_satisfied_citizen_s_reason_detail_is_ignored_like_the_reasons() throws Exception {
        post(
                path,
                with(
                        hiddenFields(get(path).body()),
                        "q.overall",
                        "SATISFIED",
                        "reasonDetail",
                        "left over",
                        "comment",
                        "Tốt"));
        assertThat(jdbc.queryForObject(
                        "SELECT comment FROM rating WHERE dossier_id = ?",
                        String.class,
                        dossier.id().toString()))
                .isEqualTo("Tốt");
    }

    @Autowired
    SurveyDrafts drafts;

    @Test
    void an_expired_draft_is_not_shown_and_is_purged() throws Exception {
        post(path, with(hiddenFields(get(path).body()), "do", "larger", "q.overall", "VERY_SATISFIED"));
        assertThat(draftsOf(dossier)).isEqualTo(1);
        jdbc.update(
                "UPDATE survey_draft SET expires_at = ? WHERE dossier_id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                dossier.id().toString());
        assertThat(get(path).body()).doesNotContainPattern("value=\"VERY_SATISFIED\" checked");
        assertThat(drafts.purgeExpired()).isPositive();
        assertThat(draftsOf(dossier)).isZero();
    }

    @Test
    void no_draft_is_kept_for_an_unknown_or_a_rated_link() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> unknown =
                post("/r/AAAAAAAAAAAAAAAAAAAAAA", with(hidden, "do", "larger", "q.overall", "SATISFIED"));
        assertThat(follow(unknown).body()).contains("Không tìm thấy phiếu đánh giá này");
        post(path, with(hidden, "q.overall", "SATISFIED"));
        HttpResponse<String> late = post(path, with(hidden, "do", "larger", "q.overall", "DISSATISFIED"));
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(draftsOf(dossier)).isZero();
    }

    @Test
    void this_browser_sees_its_thank_you_again_when_it_goes_back_to_the_link() throws Exception {
        HttpResponse<String> sent = post(path, with(hiddenFields(get(path).body()), "q.overall", "SATISFIED"));
        assertThat(sent.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("HL-SURVEY-SENT=1")
                        .contains("Path=" + path)
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(get(path).body()).contains("id=\"thank-you\"").doesNotContain("<form");
        // Another phone opening the same link is told it was rated.
        HttpClient other =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> elsewhere = other.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-Forwarded-For", citizen)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.body()).contains("Hồ sơ này đã được đánh giá").contains("id=\"help\"");
    }

    @Test
    void not_satisfied_without_a_reason_is_shown_again_with_the_message_and_the_answers_kept() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> posted =
                post(path, with(hidden, "q.overall", "DISSATISFIED", "q.attitude", "SATISFIED", "comment", ""));
        // Post/redirect/get after an error too: Back and reload never meet the answer to a POST.
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path));
        HttpResponse<String> again = follow(posted);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
        String html = again.body();
        assertThat(html)
                .contains("<title>Cần sửa: Đánh giá sự hài lòng</title>")
                .contains("id=\"errors\" tabindex=\"-1\" autofocus")
                .contains("<a href=\"#reason-SLOW\">Vui lòng chọn ít nhất một lý do, hoặc ghi lý do vào ô bên dưới</a>")
                .contains("aria-describedby=\"reasons-error\"")
                .containsPattern("id=\"q-overall-DISSATISFIED\" name=\"q.overall\" value=\"DISSATISFIED\" checked")
                .containsPattern("id=\"q-attitude-SATISFIED\" name=\"q.attitude\" value=\"SATISFIED\" checked")
                .contains("class=\"reveal open\"");
        // A reload shows the same, and still stores nothing.
        assertThat(get(path).body()).contains("id=\"reasons-error\"");
        assertThat(ratingsOf(dossier)).isZero();
        // The same key is kept, so that the corrected answer is still one rating.
        assertThat(hiddenFields(html))
                .anySatisfy(f -> assertThat(f)
                        .containsExactly(
                                "key",
                                hidden.stream()
                                        .filter(h -> h[0].equals("key"))
                                        .findFirst()
                                        .orElseThrow()[1]));

        HttpResponse<String> sent = post(path, with(hiddenFields(html), "q.overall", "DISSATISFIED", "reason", "SLOW"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "/thanks"));
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT GROUP_CONCAT(rr.reason_code) FROM rating_reason rr JOIN rating r ON r.id = rr.rating_id"
                                + " WHERE r.dossier_id = ?",
                        String.class,
                        dossier.id().toString()))
                .isEqualTo("SLOW");
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
        // The link opened again in this browser (another tab, Back): its thank-you, no form.
        HttpResponse<String> reopened = get(path);
        assertThat(reopened.body()).contains("id=\"thank-you\"").doesNotContain("<form");
    }

    @Test
    void reasons_sent_with_a_satisfied_answer_are_ignored() throws Exception {
        HttpResponse<String> sent =
                post(path, with(hiddenFields(get(path).body()), "q.overall", "SATISFIED", "reason", "SLOW"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating_reason rr JOIN rating r ON r.id = rr.rating_id WHERE r.dossier_id = ?",
                        Integer.class,
                        dossier.id().toString()))
                .isZero();
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_stores_nothing() throws Exception {
        List<String[]> withoutToken = new ArrayList<>(hiddenFields(get(path).body()).stream()
                .filter(f -> !f[0].equals("_csrf"))
                .toList());
        HttpResponse<String> refused = post(path, with(withoutToken, "q.overall", "SATISFIED"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Vui lòng mở lại trang đánh giá");
        // Another site's form: no cookie of ours, any token.
        HttpClient stranger = HttpClient.newHttpClient();
        HttpResponse<String> forged = stranger.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("X-Forwarded-For", citizen)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=abc&key=qr-12345678&q.overall=SATISFIED"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ratingsOf(dossier)).isZero();
    }

    @Test
    void unknown_expired_and_rated_links_each_get_a_polite_page_without_a_form() throws Exception {
        HttpResponse<String> unknown = get("/r/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body())
                .contains("Không tìm thấy phiếu đánh giá này")
                .doesNotContain("<form")
                // a next step: scan again, the counter, the hotline (hailong.survey-page.help in application-test.yaml)
                .contains("Quét lại mã QR trên giấy hẹn trả kết quả")
                .contains(
                        "Đường dây nóng Trung tâm Phục vụ hành chính công tỉnh: </span><a href=\"tel:02743822000\">0274 3822 000</a>");

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        DossierDetails old = newDossier("RETURNED", now.minusDays(45), now.minusDays(31));
        HttpResponse<String> expired = get(links.pathFor(old.id()) + "?lang=en");
        assertThat(expired.body())
                .contains("This survey link has expired")
                .doesNotContain("<form")
                .contains("ask at the one-stop counter where you handed it in")
                .contains("href=\"tel:02743822000\"");
        // Posting to an expired link stores nothing either.
        HttpResponse<String> late =
                follow(post(links.pathFor(old.id()), with(hiddenFields(get(path).body()), "q.overall", "SATISFIED")));
        assertThat(late.body()).contains("Đường dẫn đánh giá đã hết hạn");
        assertThat(ratingsOf(old)).isZero();
    }

    @Test
    void the_thank_you_page_of_a_link_not_yet_rated_leads_back_to_the_survey() throws Exception {
        HttpResponse<String> thanks = get(path + "/thanks?lang=en");
        assertThat(thanks.statusCode()).isEqualTo(303);
        assertThat(thanks.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "?lang=en"));
    }

    @Test
    void nothing_is_stored_about_the_citizen_and_the_link_is_not_sent_on() throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v)
                        .contains("default-src 'none'")
                        .contains("form-action 'self'")
                        .contains("script-src 'nonce-"));
        // No server session for a citizen: the CSRF token lives in a cookie.
        assertThat(page.headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("JSESSIONID"))
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
        HttpResponse<String> wrong = follow(post(
                path,
                with(
                        hidden,
                        "q.overall",
                        "DISSATISFIED",
                        "reason",
                        "ATTITUDE",
                        "contact",
                        "yes",
                        "phone",
                        "024 3825 1234")));
        assertThat(wrong.body())
                .contains("Số điện thoại di động chưa đúng")
                .contains("aria-describedby=\"phone-hint phone-error\"")
                .contains("value=\"024 3825 1234\"")
                .containsPattern("id=\"contact\" name=\"contact\" value=\"yes\"[^>]*checked");
        assertThat(ratingsOf(dossier)).isZero();

        HttpResponse<String> sent = post(
                path,
                with(
                        hiddenFields(wrong.body()),
                        "q.overall",
                        "DISSATISFIED",
                        "reason",
                        "ATTITUDE",
                        "contact",
                        "yes",
                        "phone",
                        "+84 912 345 678"));
        assertThat(sent.statusCode()).isEqualTo(303);
        String thanks = sent.headers().firstValue("Location").orElseThrow();
        assertThat(thanks).endsWith(path + "/thanks?followup=1");
        assertThat(get(thanks.replaceFirst("^https?://[^/]+", "")).body()).contains("Cơ quan sẽ gọi lại cho ông/bà");
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(contactsOf(dossier)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT fc.phone FROM follow_up_contact fc JOIN follow_up_case c ON c.id = fc.case_id WHERE c.dossier_id = ?""", String.class, dossier.id().toString()))
                .isEqualTo("0912345678");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rating WHERE dossier_id = ? AND comment IS NULL",
                        Integer.class,
                        dossier.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void a_number_without_consent_or_consent_without_a_number_is_asked_again() throws Exception {
        List<String[]> hidden = hiddenFields(get(path).body());
        HttpResponse<String> noConsent =
                follow(post(path, with(hidden, "q.overall", "DISSATISFIED", "reason", "SLOW", "phone", "0912345678")));
        assertThat(noConsent.body()).contains("Vui lòng đánh dấu đồng ý liên hệ, hoặc xoá số điện thoại");
        HttpResponse<String> noNumber =
                follow(post(path, with(hidden, "q.overall", "DISSATISFIED", "reason", "SLOW", "contact", "yes")));
        assertThat(noNumber.body()).contains("Vui lòng nhập số điện thoại, hoặc bỏ đánh dấu đồng ý liên hệ");
        assertThat(ratingsOf(dossier)).isZero();
    }

    @Test
    void a_satisfied_citizen_leaves_no_number_even_if_one_was_typed() throws Exception {
        HttpResponse<String> sent = post(
                path,
                with(
                        hiddenFields(get(path).body()),
                        "q.overall",
                        "SATISFIED",
                        "contact",
                        "yes",
                        "phone",
                        "0912345678"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).doesNotContain("followup");
        assertThat(ratingsOf(dossier)).isEqualTo(1);
        assertThat(contactsOf(dossier)).isZero();
    }
}
