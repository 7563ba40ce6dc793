package vn.hailong.index.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.ConflictException;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;

/**
 * The province computes a period, reviews the draft (units without ratings are flagged) and
 * publishes it; published snapshots stay listed, read-only. Auditors see the same, without the buttons.
 */
@Route("index")
@PageTitle("Tính và công bố chỉ số · Hài Lòng")
@Menu(title = "Tính và công bố chỉ số", order = 2)
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.AUDITOR})
public class IndexReviewView extends VerticalLayout {

    private final IndexSnapshotService snapshots;
    private final Grid<IndexSnapshotService.Snapshot> history = new Grid<>();
    private final ResultsGrid results;
    private final H3 reviewTitle = new H3();
    private final Paragraph reviewSummary = new Paragraph();
    private final Button publish = new Button("Công bố kết quả");
    private final Button correct = new Button("Tính bản đính chính");
    private final Button review = new Button("Đánh dấu đã kiểm tra");
    private boolean publishAsCorrection;
    private final boolean canPublish;
    private IndexSnapshotService.Snapshot selected;

    public IndexReviewView(
            IndexSnapshotService snapshots, MethodologyService methodologies, AuthenticationContext auth) {
        this.snapshots = snapshots;
        setWidthFull();
        boolean canChange = auth.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
        this.canPublish = canChange;

        Select<String> scheme = new Select<>();
        scheme.setLabel("Phương pháp");
        scheme.setItems(methodologies.schemes());
        scheme.setValue(MethodologyService.DEFAULT_SCHEME);
        scheme.setId("scheme");
        TextField period = new TextField("Kỳ (năm, quý hoặc tháng)");
        period.setPlaceholder("2026, 2026-Q3, 2026-07");
        period.setHelperText("Ví dụ: 2026 · 2026-Q3 · 2026-07");
        period.setId("period");
        Button compute = new Button("Tính toán", e -> {
            period.setInvalid(false);
            try {
                IndexSnapshotService.Snapshot s = snapshots.compute(scheme.getValue(), period.getValue());
                refreshHistory();
                show(s);
                Notification.show(
                                "Đã tính kỳ " + s.period() + ": " + s.units() + " đơn vị, " + s.computeMillis()
                                        + " ms.",
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                period.setErrorMessage("Kỳ không hợp lệ: nhập 2026, 2026-Q3 hoặc 2026-07 (invalid period).");
                period.setInvalid(true);
            } catch (ConflictException ex) {
                period.setErrorMessage(
                        "Kỳ " + period.getValue() + " đã công bố; kết quả đã công bố không thay đổi. "
                                + "Nếu phát hiện sai sót, bấm \"Tính bản đính chính\" (already published; compute a correction).");
                period.setInvalid(true);
                correct.setVisible(true);
            }
        });
        correct.addClickListener(e -> {
            try {
                IndexSnapshotService.Snapshot s = snapshots.computeCorrection(scheme.getValue(), period.getValue());
                period.setInvalid(false);
                correct.setVisible(false);
                refreshHistory();
                show(s);
                Notification.show(
                                "Đã tính bản đính chính kỳ " + s.period()
                                        + ". Kết quả đã công bố vẫn giữ nguyên cho đến khi "
                                        + "bản đính chính được công bố.",
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | ConflictException ex) {
                period.setErrorMessage(
                        "Không tính được bản đính chính: kỳ chưa công bố hoặc không hợp lệ (" + ex.getMessage() + ").");
                period.setInvalid(true);
            }
        });
        correct.setId("compute-correction");
        correct.setVisible(false);
        period.addValueChangeListener(e -> correct.setVisible(false));
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.setId("compute");
        HorizontalLayout form = new HorizontalLayout(scheme, period, compute, correct);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(canChange);

        history.addColumn(IndexSnapshotService.Snapshot::period).setHeader("Kỳ").setAutoWidth(true);
        history.addColumn(s -> s.scheme() + " v" + s.methodologyVersion())
                .setHeader("Phương pháp")
                .setAutoWidth(true);
        history.addColumn(IndexReviewView::statusText).setHeader("Trạng thái").setAutoWidth(true);
        history.addColumn(IndexSnapshotService.Snapshot::units)
                .setHeader("Đơn vị")
                .setAutoWidth(true);
        history.addColumn(s -> IndexFormat.time(s.computedAt()) + " · " + s.computedBy())
                .setHeader("Tính lúc")
                .setAutoWidth(true);
        history.addColumn(s ->
                        s.publishedAt() == null ? "—" : IndexFormat.time(s.publishedAt()) + " · " + s.publishedBy())
                .setHeader("Công bố lúc")
                .setAutoWidth(true);
        history.addColumn(s -> s.inputsHash().substring(0, 12) + "…")
                .setHeader("Mã băm dữ liệu")
                .setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // A few rows with a scroll bar, so that the draft under review stays near the top.
        history.setHeight("12em");
        history.setId("snapshots");
        history.addItemClickListener(e -> show(e.getItem()));

        results = new ResultsGrid(
                true,
                r -> getUI().ifPresent(ui -> ui.navigate(
                        ExplainView.class,
                        QueryParameters.of("snapshot", selected.id().toString()).merging("unit", r.unitCode()))));
        results.setId("results");
        results.setAllRowsVisible(true);

        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        publish.setId("publish");
        publish.setVisible(false);
        publish.addClickListener(e -> confirmPublish());

        // A review is an act of its own, in the audit log: who checked the draft before it was published.
        review.setId("review");
        review.setVisible(false);
        review.addClickListener(e -> {
            try {
                snapshots.review(selected.id(), null);
                show(snapshots.get(selected.id()));
                Notification.show(
                                "Đã ghi nhận bạn đã kiểm tra bản nháp kỳ " + selected.period() + ".",
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ConflictException ex) {
                Notification.show(
                                "Bản nháp này đã được tính lại, huỷ hoặc công bố trong lúc bạn xem; hãy chọn lại (stale draft).",
                                5000,
                                Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                refreshHistory();
            }
        });
        reviewTitle.setId("review-title");
        reviewSummary.setId("review-summary");
        HorizontalLayout reviewHeader = new HorizontalLayout(reviewTitle, review, publish);
        reviewHeader.setAlignItems(FlexComponent.Alignment.CENTER);
        add(
                new H2("Tính và công bố chỉ số hài lòng"),
                new Paragraph(
                        "Tính một kỳ tạo bản nháp; kiểm tra từng đơn vị (bấm vào một dòng để xem giải thích), rồi công bố. "
                                + "Kết quả đã công bố không bao giờ thay đổi."),
                form,
                new H3("Các lần tính"),
                history,
                reviewHeader,
                reviewSummary,
                results);
        refreshHistory();
    }

    private void refreshHistory() {
        history.setItems(snapshots.recent(20));
    }

    private void show(IndexSnapshotService.Snapshot s) {
        selected = s;
        List<UnitResult> rows = snapshots.draftResults(s.id());
        results.setItems(rows);
        long noRatings =
                rows.stream().filter(r -> r.flags().contains("NO_RATINGS")).count();
        boolean draft = s.status() == IndexSnapshotService.Status.DRAFT;
        reviewTitle.setText((draft ? "Bản nháp kỳ " : "Kết quả đã công bố kỳ ") + s.period() + " · " + s.scheme() + " v"
                + s.methodologyVersion());
        reviewSummary.setText(IndexFormat.count(rows.size()) + " đơn vị, trong đó " + IndexFormat.count(noRatings)
                + " đơn vị chưa có đánh giá (không xếp hạng). Mã băm SHA-256 của dữ liệu đầu vào: " + s.inputsHash());
        List<IndexSnapshotService.Snapshot> published = snapshots.publicationHistory(s.scheme(), s.period());
        publishAsCorrection = draft && !published.isEmpty();
        publish.setText(publishAsCorrection ? "Công bố bản đính chính" : "Công bố kết quả");
        publish.setVisible(draft && canPublish);
        review.setVisible(draft && canPublish);
        publish.setEnabled(true);
        publish.setTooltipText(null);
        if (draft) {
            List<String> reviewers = snapshots.reviews(s.id()).stream()
                    .map(IndexSnapshotService.Review::reviewedBy)
                    .toList();
            reviewSummary.setText(reviewSummary.getText()
                    + (reviewers.isEmpty()
                            ? ". Chưa ai đánh dấu đã kiểm tra."
                            : ". Đã kiểm tra: " + String.join(", ", reviewers) + "."));
            // Four eyes (hailong.index.publication.reviews-required): the button says who is missing.
            int missing = canPublish ? snapshots.reviewsStillNeeded(s.id()) : 0;
            if (missing > 0) {
                String needed = getTranslation("index.review.othersNeeded", missing);
                publish.setEnabled(false);
                publish.setTooltipText(needed);
                reviewSummary.setText(reviewSummary.getText() + " " + needed);
            }
        }
        if (publishAsCorrection) {
            reviewSummary.setText(reviewSummary.getText() + " Đây là bản đính chính: kỳ này đã công bố lúc "
                    + IndexFormat.time(published.getFirst().publishedAt())
                    + "; khi công bố, bản này thay thế kết quả đó "
                    + "(kết quả cũ vẫn được lưu và công khai).");
        } else if (s.corrects() != null) {
            reviewSummary.setText(reviewSummary.getText() + " Bản đính chính, lý do: " + s.correctionReason());
        } else if (s.status() == IndexSnapshotService.Status.CORRECTED) {
            reviewSummary.setText(reviewSummary.getText() + " Kết quả này đã được thay thế bằng một bản đính chính.");
        }
    }

    static String statusText(IndexSnapshotService.Snapshot s) {
        return switch (s.status()) {
            case DRAFT -> "Bản nháp — chờ duyệt";
            case PUBLISHED -> s.corrects() == null ? "Đã công bố" : "Đã công bố (đính chính)";
            case CORRECTED -> "Đã được đính chính";
        };
    }

    private void confirmPublish() {
        Dialog dialog = new Dialog();
        TextArea reason = new TextArea("Lý do đính chính (bắt buộc)");
        reason.setId("correction-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        if (publishAsCorrection) {
            dialog.setHeaderTitle("Công bố bản đính chính kỳ " + selected.period() + "?");
            dialog.add(
                    new Paragraph(
                            "Bản này sẽ thay thế kết quả đã công bố của kỳ. Kết quả cũ vẫn được lưu, công khai và "
                                    + "ghi rõ là đã được đính chính, cùng lý do dưới đây. (The correction replaces the published figures; "
                                    + "the old ones stay visible with this reason.)"),
                    reason);
        } else {
            dialog.setHeaderTitle("Công bố kỳ " + selected.period() + "?");
            dialog.add(
                    new Paragraph(
                            "Sau khi công bố, kết quả kỳ này không thể sửa; sai sót chỉ được sửa bằng một bản đính chính "
                                    + "công khai. (Published results never change; errors are put right by a public correction.)"));
        }
        Button yes = new Button("Công bố", e -> {
            try {
                IndexSnapshotService.Snapshot s = publishAsCorrection
                        ? snapshots.publishCorrection(selected.id(), reason.getValue())
                        : snapshots.publish(selected.id());
                refreshHistory();
                show(s);
                Notification.show("Đã công bố kỳ " + s.period() + ".", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                reason.setErrorMessage("Hãy ghi lý do đính chính, tối đa 1000 ký tự (a reason is required).");
                reason.setInvalid(true);
                return;
            } catch (ConflictException ex) {
                Notification.show(
                                "reviews".equals(ex.field())
                                        ? getTranslation(
                                                "index.review.othersNeeded",
                                                snapshots.reviewsStillNeeded(selected.id()))
                                        : "Kỳ này đã được công bố hoặc đính chính trong lúc bạn xem (already published or corrected).",
                                5000,
                                Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            dialog.close();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.setId("confirm-publish");
        dialog.getFooter().add(new Button("Huỷ", e -> dialog.close()), yes);
        dialog.open();
    }
}
