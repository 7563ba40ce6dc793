package vn.hailong.survey.ui;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.springframework.security.access.AccessDeniedException;

import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.Questionnaire;
import vn.hailong.survey.CitizenSurveyService;
import vn.hailong.survey.SurveyPage;

/**
 * The page a survey link opens on the citizen's phone. Vietnamese first, English on request.
 * It shows the procedure and the dossier's last digits so the citizen knows it is theirs, and
 * nothing personal.
 */
@Route(value = "r/:token", autoLayout = false)
@PageTitle("Đánh giá hài lòng · Hài Lòng")
@AnonymousAllowed
public class SurveyView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CitizenSurveyService surveys;
    // One key per opened page: a double tap or a resend of the same answers stores one rating.
    private final String idempotencyKey = "qr-" + UUID.randomUUID();
    private final Map<String, RadioButtonGroup<Questionnaire.Option>> questions = new LinkedHashMap<>();
    private CheckboxGroup<Questionnaire.Reason> reasons;
    private TextArea comment;
    private Button submit;
    private String token;
    private Locale locale = Locale.forLanguageTag("vi");
    // Text size for those who need it larger (A-/A+), as a percentage of the browser's default.
    private int textScale = 100;

    public SurveyView(CitizenSurveyService surveys) {
        this.surveys = surveys;
        addClassName("citizen-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        render();
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    private String t(String vi, String en) {
        return english() ? en : vi;
    }

    private void render() {
        removeAll();
        questions.clear();
        Button language = new Button(english() ? "Tiếng Việt" : "English", e -> {
            locale = Locale.forLanguageTag(english() ? "vi" : "en");
            render();
        });
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("lang", english() ? "vi" : "en");
        Button smaller = new Button("A-", e -> scaleText(-15));
        smaller.getElement().setAttribute("aria-label", t("Giảm cỡ chữ", "Smaller text"));
        smaller.setId("text-smaller");
        Button larger = new Button("A+", e -> scaleText(15));
        larger.getElement().setAttribute("aria-label", t("Tăng cỡ chữ", "Larger text"));
        larger.setId("text-larger");
        for (Button b : List.of(smaller, larger)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            b.addClassName("text-size");
        }
        HorizontalLayout tools = new HorizontalLayout(smaller, larger, language);
        tools.setSpacing(false);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout top = new HorizontalLayout(new H1(t("Đánh giá sự hài lòng", "Rate our service")), tools);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(top);
        // Screen readers pick their voice from the document's language.
        getElement().executeJs("document.documentElement.lang = $0", locale.getLanguage());

        SurveyPage page = surveys.open(token);
        switch (page.state()) {
            case UNKNOWN -> notice(t("Không tìm thấy phiếu đánh giá này. Vui lòng kiểm tra lại mã QR trên giấy hẹn.",
                    "This survey link is not valid. Please check the QR code on your receipt."));
            case EXPIRED -> notice(t("Đường dẫn đánh giá đã hết hạn. Cảm ơn ông/bà đã quan tâm.",
                    "This survey link has expired. Thank you for your interest."));
            case ALREADY_RATED -> notice(t("Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần. Xin cảm ơn!",
                    "This dossier has already been rated. Each dossier can be rated once. Thank you!"));
            case OPEN -> form(page);
        }
    }

    private void scaleText(int step) {
        textScale = Math.max(85, Math.min(175, textScale + step));
        // Every size in Lumo is in rem, so scaling the root font scales the whole page.
        getElement().executeJs("document.documentElement.style.fontSize = $0", textScale + "%");
    }

    private void notice(String text) {
        Div box = new Div(new Paragraph(text));
        box.addClassName("notice");
        box.setId("survey-notice");
        add(box);
    }

    private void form(SurveyPage page) {
        add(new Paragraph(page.procedureName()));
        String status = statusText(page.statusCode());
        String due = page.dueDate() == null ? "" : t(", hẹn trả ", ", due ") + DAY.format(page.dueDate());
        Paragraph reference = new Paragraph(t("Hồ sơ số …", "Dossier …") + page.dossierLastDigits() + " · " + status + due);
        reference.addClassName("dossier-ref");
        add(reference);

        Questionnaire questionnaire = page.questionnaire();
        reasons = new CheckboxGroup<>(t("Vì sao ông/bà chưa hài lòng? (chọn ít nhất một lý do)",
                "Why were you not satisfied? (choose at least one)"));
        reasons.setItems(questionnaire.reasons());
        reasons.setItemLabelGenerator(r -> r.label().in(locale));
        reasons.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        // No required indicator: it puts aria-required on a role=group, which assistive technology
        // does not support (axe-core: aria-allowed-attr); the label says a reason is needed.
        reasons.setId("reasons");
        reasons.setVisible(false);
        for (Questionnaire.Criterion criterion : questionnaire.criteria()) {
            String label = criterion.label().in(locale) + (criterion.required() ? "" : t(" (không bắt buộc)", " (optional)"));
            RadioButtonGroup<Questionnaire.Option> group = new RadioButtonGroup<>(label);
            group.setItems(criterion.options());
            group.setItemLabelGenerator(o -> o.label().in(locale));
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.setId("q-" + criterion.key());
            if (criterion.required()) {
                group.addClassName("main-question");
            }
            questions.put(criterion.key(), group);
            add(group);
            // The reasons appear right below the question whose answer asks for them.
            if (questionnaire.reasonRule() != null && criterion.key().equals(questionnaire.reasonRule().criterion())) {
                add(reasons);
            }
        }
        if (reasons.getParent().isEmpty()) {
            add(reasons);
        }
        comment = new TextArea(t("Góp ý thêm", "Anything else you want to tell us?"));
        comment.setMaxLength(Questionnaire.COMMENT_MAX_LENGTH);
        comment.setWidthFull();
        comment.setId("comment");
        add(comment);
        questions.values().forEach(q -> q.addValueChangeListener(e -> reasons.setVisible(
                questionnaire.reasonRequiredFor(answerKeys()))));

        Paragraph anonymous = new Paragraph(t("Đánh giá không ghi nhận danh tính của ông/bà.", "Your rating is anonymous."));
        anonymous.addClassName("quiet");
        submit = new Button(t("Gửi đánh giá", "Send"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("submit");
        submit.setId("submit");
        submit.setDisableOnClick(true);
        add(anonymous, submit);
    }

    private Map<String, String> answerKeys() {
        Map<String, String> answers = new HashMap<>();
        questions.forEach((key, group) -> {
            if (group.getValue() != null) {
                answers.put(key, group.getValue().key());
            }
        });
        return answers;
    }

    private void submit() {
        questions.values().forEach(q -> q.setInvalid(false));
        reasons.setInvalid(false);
        comment.setInvalid(false);
        try {
            List<String> reasonCodes = reasons.isVisible()
                    ? reasons.getSelectedItems().stream().map(Questionnaire.Reason::code).toList()
                    : List.of();
            surveys.submit(token, idempotencyKey, answerKeys(), reasonCodes, comment.getValue());
            thankYou();
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldError error : e.errors()) {
                showError(error.field());
            }
            submit.setEnabled(true);
        } catch (ConflictException e) {
            removeAll();
            render();
        } catch (AccessDeniedException e) {
            // A staff session (an officer logged in on this browser) may never rate for a citizen.
            removeAll();
            notice(t("Tài khoản cán bộ đang đăng nhập trên trình duyệt này không được phép đánh giá thay người dân.",
                    "A staff account is logged in on this browser; staff cannot rate on a citizen's behalf."));
        }
    }

    private void showError(String field) {
        if (field.startsWith("answers.")) {
            RadioButtonGroup<Questionnaire.Option> group = questions.get(field.substring("answers.".length()));
            if (group != null) {
                group.setErrorMessage(t("Vui lòng chọn một câu trả lời", "Please choose an answer"));
                group.setInvalid(true);
            }
        } else if (field.equals("reasons")) {
            reasons.setErrorMessage(t("Vui lòng chọn ít nhất một lý do hoặc ghi góp ý", "Please choose a reason or write a comment"));
            reasons.setInvalid(true);
        } else if (field.equals("comment")) {
            comment.setErrorMessage(t("Vui lòng ghi rõ lý do", "Please describe the reason"));
            comment.setInvalid(true);
        }
    }

    private void thankYou() {
        removeAll();
        add(new H1(t("Xin cảm ơn!", "Thank you!")));
        Div box = new Div(new Paragraph(t("Đánh giá của ông/bà đã được ghi nhận và giúp chúng tôi phục vụ tốt hơn.",
                "Your rating has been recorded and helps us serve you better.")));
        box.addClassName("notice");
        box.setId("thank-you");
        add(box);
    }

    private String statusText(String status) {
        return switch (status) {
            case "REGISTERED", "RECEIVED" -> t("đã tiếp nhận", "received");
            case "PROCESSING", "PROCESSED", "FINANCIAL_OBLIGATION_REQUESTED" -> t("đang xử lý", "being processed");
            case "SUPPLEMENT_REQUESTED" -> t("cần bổ sung", "needs more documents");
            case "RETURNED" -> t("đã trả kết quả", "result returned");
            case "NOT_ACCEPTED" -> t("không được tiếp nhận", "not accepted");
            case "WITHDRAWN" -> t("đã rút", "withdrawn");
            case "STOPPED" -> t("dừng xử lý", "processing stopped");
            default -> status;
        };
    }
}
