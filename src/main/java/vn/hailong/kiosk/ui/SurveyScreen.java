package vn.hailong.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import vn.hailong.kiosk.KioskSurvey;
import vn.hailong.rating.Questionnaire;

/**
 * The survey of one dossier: the procedure and the code's last digits, then the overall question
 * as faces. One tap on a face opens the details (shown below smaller faces): the reasons when the
 * answer asks for one (with the "other reason" keyboard and the call-back offer), the optional
 * questions and "send". Every answer is held in {@link SurveyAnswers} and mirrored by the browser
 * (taps carry {@code data-q}/{@code data-o}, {@code data-reason}, {@code data-send}: kiosk-client.js
 * reads them before the server does). Pressed states change in place: the next tap never lands on
 * a screen being rebuilt.
 */
final class SurveyScreen extends KioskScreen {

    /** What the survey asks of the page around it. */
    interface Flow {

        /** The first answer, about to be taken: from now on the survey is in progress (KioskService.begin). */
        void firstAnswer();

        /** The overall question is answered: the details follow. */
        void answeredOverall();

        /** Before any answer: not the citizen's dossier, or just back. */
        void notMine();

        /** The survey is complete and sent. */
        void send();
    }

    private final SurveyAnswers survey;
    private final KioskBridge bridge;
    private final Flow flow;
    private final Paragraph surveyMessage = new Paragraph();

    /** {@code details}: after the overall answer (the details screen), else the faces alone. */
    SurveyScreen(KioskWords words, SurveyAnswers survey, boolean details, KioskBridge bridge, Flow flow) {
        super("kiosk-survey", words);
        this.survey = survey;
        this.bridge = bridge;
        this.flow = flow;
        KioskSurvey shown = survey.current();
        Questionnaire q = shown.questionnaire();
        Div dossier = new Div();
        dossier.addClassName("kiosk-dossier");
        Span procedure = new Span(shown.procedureName());
        procedure.addClassName("kiosk-procedure");
        Span code = new Span(t("survey.dossier", shown.dossierTail()));
        code.addClassName("kiosk-code");
        dossier.add(procedure, code);
        if (shown.dossierCode().isEmpty()) {
            dossier.removeAll();
            dossier.add(new Span(t("survey.generalRating")));
        }
        add(dossier);

        Questionnaire.Criterion overall = q.criterion(Questionnaire.OVERALL).orElseThrow();
        H1 question = new H1(overall.label().in(locale()));
        question.setId("kiosk-overall-label");
        Div faces = new Div();
        faces.addClassName(details ? "kiosk-faces-small" : "kiosk-faces");
        faces.getElement().setAttribute("role", "group");
        faces.getElement().setAttribute("aria-labelledby", "kiosk-overall-label");
        for (Questionnaire.Option option : overall.options()) {
            faces.add(face(overall, option));
        }
        add(question, faces);
        if (details) {
            renderDetails(q);
        } else {
            add(notMine(shown));
        }
    }

    private Locale locale() {
        return words().locale();
    }

    private NativeButton face(Questionnaire.Criterion overall, Questionnaire.Option option) {
        NativeButton face = new NativeButton();
        Span emoji = new Span();
        emoji.getElement().setProperty("innerHTML", KioskParts.face(option.key()));
        emoji.addClassName("kiosk-face");
        emoji.getElement().setAttribute("aria-hidden", "true");
        face.add(emoji, new Span(option.label().in(locale())));
        face.addClassNames(
                "kiosk-face-button",
                "kiosk-face-" + option.key().toLowerCase(Locale.ROOT).replace('_', '-'));
        face.getElement().setAttribute("data-q", overall.key());
        face.getElement().setAttribute("data-o", option.key());
        face.getElement()
                .setAttribute("aria-pressed", String.valueOf(option.key().equals(survey.answer(overall.key()))));
        face.addClickListener(e -> {
            if (!survey.begun()) {
                flow.firstAnswer();
            }
            survey.answer(overall.key(), option.key());
            if (!survey.reasonRequired() && survey.contactConsent()) {
                // The call-back goes with the reasons: a happier answer takes both away.
                survey.contactConsent(false);
                bridge.contact(survey);
            }
            survey.message(null);
            flow.answeredOverall();
        });
        return face;
    }

    /**
     * The way out before any answer: a handed-over dossier that is not the citizen's is sent back
     * (recorded on the handover, counted on the integrity panel), a typed one just closes. Never
     * after an answer: then it would be a way to erase a complaint in progress.
     */
    private NativeButton notMine(KioskSurvey shown) {
        boolean handedOver = shown.handoverId() != null;
        NativeButton back = new NativeButton(handedOver ? t("survey.notMine") : t("back"), e -> {
            if (!survey.begun()) {
                flow.notMine();
            }
        });
        back.addClassNames("kiosk-secondary", "kiosk-not-mine");
        back.getElement().setAttribute("data-not-mine", "");
        return back;
    }

    private void renderDetails(Questionnaire q) {
        if (survey.reasonRequired()) {
            Div reasonBox = new Div();
            reasonBox.addClassName("kiosk-reasons");
            H2 heading = new H2(t("survey.reasons"));
            heading.setId("kiosk-reasons-label");
            Div chips = new Div();
            chips.addClassName("kiosk-chips");
            chips.getElement().setAttribute("role", "group");
            chips.getElement().setAttribute("aria-labelledby", "kiosk-reasons-label");
            OtherReasonKeyboard other = new OtherReasonKeyboard(words(), survey, () -> {
                changed();
                bridge.otherReason(survey);
            });
            for (Questionnaire.Reason reason : q.reasons()) {
                // "Other" needs a few words, typed on the on-screen keyboard below its chip.
                chips.add(Questionnaire.OTHER_REASON.equals(reason.code()) ? otherChip(reason, other) : chip(reason));
            }
            reasonBox.add(heading, chips, other, surveyMessage);
            add(reasonBox);
            other.render();
            add(new CallBackOffer(
                    words(),
                    survey,
                    () -> {
                        changed();
                        bridge.contact(survey);
                    },
                    bridge));
        }
        Paragraph optional = new Paragraph(t("survey.optionalQuestions"));
        optional.addClassName("kiosk-hint");
        add(optional);
        for (Questionnaire.Criterion criterion : q.criteria()) {
            if (!criterion.key().equals(Questionnaire.OVERALL)) {
                add(criterion(criterion));
            }
        }
        surveyMessage.addClassName("kiosk-notice");
        surveyMessage.getElement().setAttribute("role", "alert");
        surveyMessage.setText(survey.message() == null ? "" : survey.message());
        surveyMessage.setVisible(survey.message() != null);
        if (surveyMessage.getParent().isEmpty()) {
            add(surveyMessage);
        }
        NativeButton send = new NativeButton(t("survey.send"), e -> send());
        send.addClassNames("kiosk-send", "kiosk-primary");
        send.getElement().setAttribute("data-send", "");
        add(send);
    }

    /** A tap changed what is missing: the message about it goes. */
    private void changed() {
        survey.message(null);
        surveyMessage.setVisible(false);
    }

    private NativeButton chip(Questionnaire.Reason reason) {
        NativeButton chip = new NativeButton(reason.label().in(locale()));
        chip.addClickListener(e -> {
            survey.toggleReason(reason.code());
            chip.getElement().setAttribute("aria-pressed", String.valueOf(survey.hasReason(reason.code())));
            changed();
        });
        chip.addClassName("kiosk-chip");
        chip.getElement().setAttribute("data-reason", reason.code());
        chip.getElement().setAttribute("aria-pressed", String.valueOf(survey.hasReason(reason.code())));
        return chip;
    }

    private NativeButton otherChip(Questionnaire.Reason reason, OtherReasonKeyboard other) {
        NativeButton chip = new NativeButton(reason.label().in(locale()));
        chip.addClassNames("kiosk-chip", "kiosk-chip-other");
        chip.getElement().setAttribute("data-other-reason", "");
        chip.getElement().setAttribute("aria-pressed", String.valueOf(survey.hasReason(reason.code())));
        chip.getElement().setAttribute("aria-expanded", String.valueOf(survey.hasReason(reason.code())));
        chip.addClickListener(e -> {
            boolean chosen = survey.toggleReason(reason.code());
            chip.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            chip.getElement().setAttribute("aria-expanded", String.valueOf(chosen));
            changed();
            other.render();
            bridge.otherReason(survey);
            if (chosen) {
                // The keyboard opens below the chips: bring it fully into view above the sticky send button.
                bridge.reveal(other);
            }
        });
        return chip;
    }

    private Div criterion(Questionnaire.Criterion criterion) {
        Div row = new Div();
        row.addClassName("kiosk-criterion");
        Span label = new Span(criterion.label().in(locale()));
        label.setId("kiosk-q-" + criterion.key());
        label.addClassName("kiosk-criterion-label");
        Div options = new Div();
        options.addClassName("kiosk-options");
        options.getElement().setAttribute("role", "group");
        options.getElement().setAttribute("aria-labelledby", "kiosk-q-" + criterion.key());
        List<NativeButton> buttons = new ArrayList<>();
        for (Questionnaire.Option option : criterion.options()) {
            NativeButton b = new NativeButton(option.label().in(locale()), e -> {
                survey.toggleAnswer(criterion.key(), option.key());
                buttons.forEach(other -> other.getElement()
                        .setAttribute(
                                "aria-pressed",
                                String.valueOf(other.getElement()
                                        .getAttribute("data-o")
                                        .equals(survey.answer(criterion.key())))));
            });
            buttons.add(b);
            b.addClassName("kiosk-option");
            b.getElement().setAttribute("data-q", criterion.key());
            b.getElement().setAttribute("data-o", option.key());
            b.getElement()
                    .setAttribute("aria-pressed", String.valueOf(option.key().equals(survey.answer(criterion.key()))));
            options.add(b);
        }
        row.add(label, options);
        return row;
    }

    private void send() {
        if (!survey.complete()) {
            survey.message(survey.missing(words()));
            surveyMessage.setText(survey.message());
            surveyMessage.setVisible(true);
            return;
        }
        flow.send();
    }
}
