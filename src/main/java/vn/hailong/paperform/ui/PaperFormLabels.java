package vn.hailong.paperform.ui;

import java.util.List;
import java.util.stream.Collectors;

/** The names of a form's fields as a supervisor reads them in a mismatch. */
final class PaperFormLabels {

    private PaperFormLabels() {}

    static String field(String field) {
        return switch (field) {
            case "dossierCode" -> "mã hồ sơ";
            case "reasons" -> "lý do";
            case "comment" -> "ý kiến";
            default ->
                field.startsWith("answers.") ? "câu hỏi \"" + field.substring("answers.".length()) + "\"" : field;
        };
    }

    static String fields(List<String> fields) {
        return fields.stream().map(PaperFormLabels::field).collect(Collectors.joining(", "));
    }
}
