package vn.hailong.paperform.ui;

import java.util.List;
import java.util.stream.Collectors;

import vn.hailong.platform.Words;

/** The names of a form's fields as a supervisor reads them in a mismatch. */
final class PaperFormLabels {

    private PaperFormLabels() {}

    static String field(String field) {
        return switch (field) {
            case "dossierCode" -> Words.of("paperform.ui.fieldName.dossierCode");
            case "reasons" -> Words.of("paperform.ui.fieldName.reasons");
            case "comment" -> Words.of("paperform.ui.fieldName.comment");
            default ->
                field.startsWith("answers.")
                        ? Words.of("paperform.ui.fieldName.answer", field.substring("answers.".length()))
                        : field;
        };
    }

    static String fields(List<String> fields) {
        return fields.stream().map(PaperFormLabels::field).collect(Collectors.joining(", "));
    }
}
