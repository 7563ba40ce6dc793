package vn.hailong.index.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import vn.hailong.index.IndexCsv;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.Snapshot;

/**
 * Open data: the published results of every period, for anyone, with a CSV download. Its words
 * are {@code index.ui.openData.*} in the bundles; only the page title, an annotation value that
 * must be a constant, stays here.
 */
@Route(value = "open-data", autoLayout = false)
@PageTitle("Dữ liệu mở: chỉ số hài lòng · Hài Lòng")
@AnonymousAllowed
public class OpenDataView extends Main {

    private final IndexSnapshotService snapshots;
    private final ResultsGrid results = new ResultsGrid(false, null);
    private final Paragraph about = new Paragraph();
    private final HorizontalLayout downloads = new HorizontalLayout();

    public OpenDataView(IndexSnapshotService snapshots) {
        this.snapshots = snapshots;
        // On a phone the page must not be wider than the screen: the table scrolls inside itself.
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("display", "block")
                .set("box-sizing", "border-box")
                .set("max-width", "100vw")
                .set("overflow-x", "hidden");
        List<Snapshot> published = snapshots.published();
        Select<Snapshot> period = new Select<>();
        period.setLabel(getTranslation("index.ui.openData.period"));
        period.setItems(published);
        period.setItemLabelGenerator(s -> s.period() + " · " + s.scheme());
        period.setId("open-data-period");
        period.setWidth("20em");
        period.addValueChangeListener(e -> show(e.getValue()));
        period.setMaxWidth("100%");
        results.setId("open-data-results");
        results.setAllRowsVisible(true);
        downloads.setAlignItems(FlexComponent.Alignment.BASELINE);
        downloads.getStyle().set("flex-wrap", "wrap");
        downloads.add(period);
        about.setId("open-data-about");
        // The SHA-256 is one long word: let it break instead of widening the page.
        about.getStyle().set("overflow-wrap", "anywhere");
        H1 title = new H1(getTranslation("index.ui.openData.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        add(title, new Paragraph(getTranslation("index.ui.openData.intro")), downloads, about, results);
        if (published.isEmpty()) {
            downloads.setVisible(false);
            results.setVisible(false);
            about.setText(getTranslation("index.ui.openData.empty"));
            about.setId("open-data-empty");
            Anchor back = new Anchor("login", getTranslation("index.ui.openData.staffLogin"));
            back.setId("open-data-back");
            add(back);
        } else {
            period.setValue(published.getFirst());
        }
    }

    private @Nullable Anchor csv;

    private void show(@Nullable Snapshot s) {
        if (s == null) {
            return;
        }
        results.setItems(snapshots.publishedResults(s.scheme(), s.period(), null));
        about.setText(getTranslation(
                "index.ui.openData.about",
                s.period(),
                s.scheme(),
                String.valueOf(s.methodologyVersion()),
                IndexFormat.time(s.publishedAt()),
                String.valueOf(s.units()),
                s.inputsHash(),
                s.corrects() == null ? "" : getTranslation("index.ui.openData.aboutCorrection", s.correctionReason())));
        if (csv != null) {
            downloads.remove(csv);
        }
        String file = "chi-so-hai-long-" + s.scheme() + "-" + s.period() + ".csv";
        csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = IndexCsv.of(snapshots.publishedResults(s.scheme(), s.period(), null))
                            .getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), file, "text/csv; charset=UTF-8", bytes.length);
                }),
                getTranslation("index.ui.openData.download", s.period()));
        csv.setId("open-data-csv");
        downloads.add(csv);
    }
}
