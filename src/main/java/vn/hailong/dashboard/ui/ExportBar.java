package vn.hailong.dashboard.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.Selection;

/** Downloads of what is on screen, with the active filters; made when clicked. */
final class ExportBar extends Div {

    private final Select<Locale> exportLanguage = new Select<>();

    /** {@code tableExport}: the table of the detail panel that shows, in that format. */
    ExportBar(
            ExportService exports,
            Supplier<Selection> selection,
            Function<ExportService.Format, ExportService.ExportFile> tableExport) {
        Span label = new Span(getTranslation("dashboard.exports.label"));
        exportLanguage.setLabel(getTranslation("export.language"));
        exportLanguage.setItems(Format.VI, Locale.ENGLISH);
        String vietnamese = getTranslation("dashboard.exports.language.vi");
        String english = getTranslation("dashboard.exports.language.en");
        exportLanguage.setItemLabelGenerator(l -> l.equals(Format.VI) ? vietnamese : english);
        exportLanguage.setValue(Format.VI);
        exportLanguage.setId("export-language");
        exportLanguage.setWidth("16rem");
        add(
                label,
                download(
                        "export-table-csv",
                        getTranslation("dashboard.exports.tableCsv"),
                        () -> tableExport.apply(ExportService.Format.CSV)),
                download(
                        "export-table-xlsx",
                        getTranslation("dashboard.exports.tableXlsx"),
                        () -> tableExport.apply(ExportService.Format.XLSX)),
                download(
                        "export-ratings-csv",
                        getTranslation("dashboard.exports.ratingsCsv"),
                        () -> exports.ratings(selection.get(), ExportService.Format.CSV, exportLanguage.getValue())),
                download(
                        "export-ratings-xlsx",
                        getTranslation("dashboard.exports.ratingsXlsx"),
                        () -> exports.ratings(selection.get(), ExportService.Format.XLSX, exportLanguage.getValue())),
                download(
                        "export-report-pdf",
                        getTranslation("dashboard.exports.reportPdf"),
                        () -> exports.report(selection.get())),
                exportLanguage);
        addClassName("exports");
        setId("exports");
    }

    private static Anchor download(String id, String text, Supplier<ExportService.ExportFile> export) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    ExportService.ExportFile file = export.get();
                    return new DownloadResponse(
                            new ByteArrayInputStream(file.content()),
                            file.fileName(),
                            file.contentType(),
                            file.content().length);
                }),
                text);
        anchor.setId(id);
        return anchor;
    }
}
