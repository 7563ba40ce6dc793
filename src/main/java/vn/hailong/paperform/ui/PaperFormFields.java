package vn.hailong.paperform.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import vn.hailong.paperform.PaperFormService.PaperFormEntry;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.rating.Questionnaire;

/**
 * The fields of one paper form, drawn from the questionnaire: serial, dossier code, one group of
 * choices per question, the reasons when the answer asks for one, the comment. Keyboard first: a
 * clerk tabs through the form and types, a barcode scanner types the dossier code and Enter.
 */
class PaperFormFields extends Composite<Div> {

    final TextField serial = new TextField(getTranslation("paperform.ui.fields.serial"));
    final TextField dossierCode = new TextField(getTranslation("paperform.ui.fields.dossierCode"));
    private final Map<String, RadioButtonGroup<Questionnaire.Option>> answers = new LinkedHashMap<>();
    private final CheckboxGroup<Questionnaire.Reason> reasons =
            new CheckboxGroup<>(getTranslation("paperform.ui.fields.reasons"));
    private final TextArea comment = new TextArea(getTranslation("paperform.ui.fields.comment"));
    private final Questionnaire questionnaire;

    PaperFormFields(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        Div form = getContent();
        form.addClassName("paper-form");
        serial.setId("serial");
        serial.setHelperText(getTranslation("paperform.ui.fields.serial.help"));
        serial.setWidth("16rem");
        dossierCode.setId("dossier-code");
        dossierCode.setHelperText(getTranslation("paperform.ui.fields.dossierCode.help"));
        dossierCode.setWidth("24rem");
        Div ids = new Div(serial, dossierCode);
        ids.addClassName("filters");
        form.add(ids);
        for (Questionnaire.Criterion criterion : questionnaire.criteria()) {
            RadioButtonGroup<Questionnaire.Option> group =
                    new RadioButtonGroup<>(criterion.label().vi());
            group.setItems(criterion.options());
            group.setItemLabelGenerator(o -> o.label().vi());
            group.setRequiredIndicatorVisible(criterion.required());
            group.setId("answer-" + criterion.key());
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.addValueChangeListener(e -> showReasonsIfAsked());
            answers.put(criterion.key(), group);
            form.add(group);
        }
        reasons.setItems(questionnaire.reasons());
        reasons.setItemLabelGenerator(r -> r.label().vi());
        reasons.setId("reasons");
        reasons.setVisible(false);
        form.add(reasons);
        comment.setId("comment");
        comment.setMaxLength(Questionnaire.COMMENT_MAX_LENGTH);
        comment.setWidth("40rem");
        comment.setHelperText(getTranslation("paperform.ui.fields.comment.help"));
        form.add(comment);
    }

    /** Shows the reasons only for the answers that ask for one, as the citizen's paper does. */
    private void showReasonsIfAsked() {
        boolean asked = questionnaire.reasonRequiredFor(answerKeys());
        reasons.setVisible(asked);
        if (!asked) {
            reasons.clear();
        }
    }

    private Map<String, String> answerKeys() {
        Map<String, String> keys = new HashMap<>();
        answers.forEach((criterion, group) -> {
            if (group.getValue() != null) {
                keys.put(criterion, group.getValue().key());
            }
        });
        return keys;
    }

    PaperFormEntry entry() {
        List<String> reasonCodes =
                reasons.getValue().stream().map(Questionnaire.Reason::code).toList();
        return new PaperFormEntry(
                serial.getValue(), dossierCode.getValue(), answerKeys(), reasonCodes, comment.getValue());
    }

    void clear() {
        clearErrors();
        serial.clear();
        dossierCode.clear();
        answers.values().forEach(RadioButtonGroup::clear);
        reasons.clear();
        reasons.setVisible(false);
        comment.clear();
        serial.focus();
    }

    void clearErrors() {
        serial.setInvalid(false);
        dossierCode.setInvalid(false);
        answers.values().forEach(g -> g.setInvalid(false));
        reasons.setInvalid(false);
        comment.setInvalid(false);
    }

    /** Marks the fields an error names; returns the messages of errors that name no field shown here. */
    String show(InvalidInputException e) {
        StringBuilder other = new StringBuilder();
        for (InvalidInputException.FieldError error : e.errors()) {
            if (!mark(error.field(), error.message())) {
                other.append(error.message()).append(' ');
            }
        }
        return other.toString().strip();
    }

    String show(ConflictException e) {
        return mark(e.field(), e.getMessage()) ? "" : e.getMessage();
    }

    private boolean mark(String field, String message) {
        HasValidation target = switch (field == null ? "" : field) {
            case "serial" -> serial;
            case "dossierCode" -> dossierCode;
            case "reasons" -> reasons;
            case "comment" -> comment;
            default ->
                field != null && field.startsWith("answers.")
                        ? answers.get(field.substring("answers.".length()))
                        : null;
        };
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }
}
