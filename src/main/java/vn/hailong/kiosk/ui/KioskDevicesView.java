package vn.hailong.kiosk.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import vn.hailong.directory.CounterSummary;
import vn.hailong.kiosk.DeviceSummary;
import vn.hailong.kiosk.EnrolmentLink;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.platform.Formats;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.Words;
import vn.hailong.receipt.QrCodes;

/**
 * Administrators register kiosk tablets, enrol them with a one-time QR code or link, and revoke
 * them. The enrolment link is shown once and never stored (only its hash is).
 */
@Route("kiosks")
@PageTitle("Thiết bị kiosk · Hài Lòng")
@Menu(title = "Thiết bị kiosk", order = 50)
@RolesAllowed(Roles.ADMIN)
public class KioskDevicesView extends VerticalLayout {

    /** The enrolment QR on screen, CSS px: some 6 px per module for a typical link, easy for a tablet camera. */
    static final int QR_SIZE_PX = 288;

    private final KioskDeviceService devices;
    private final Formats formats;
    private final Grid<DeviceSummary> grid = new Grid<>(DeviceSummary.class, false);

    public KioskDevicesView(KioskDeviceService devices, Formats formats) {
        this.devices = devices;
        this.formats = formats;
        add(new H2(getTranslation("kiosk.ui.devices.title")));

        TextField code = new TextField(getTranslation("kiosk.ui.devices.code"));
        code.setMaxLength(64);
        ComboBox<CounterSummary> counter = new ComboBox<>(getTranslation("kiosk.ui.devices.counter"));
        counter.setItems(devices.counters());
        counter.setItemLabelGenerator(c -> c.code() + " · " + c.name() + " · " + c.centreName());
        counter.setWidth("28rem");
        Select<String> locale = new Select<>();
        locale.setLabel(getTranslation("kiosk.ui.devices.locale"));
        locale.setItems(KioskDeviceService.LOCALES);
        locale.setValue("vi");
        IntegerField idle = new IntegerField(getTranslation("kiosk.ui.devices.idleTimeout"));
        idle.setValue(60);
        idle.setMin(5);
        idle.setMax(3600);
        Button add = new Button(getTranslation("kiosk.ui.devices.add"), e -> {
            try {
                devices.register(
                        code.getValue(),
                        counter.getValue() == null ? null : counter.getValue().code(),
                        locale.getValue(),
                        idle.getValue(),
                        null);
                code.clear();
                refresh();
            } catch (InvalidInputException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, counter, locale, idle, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(form);

        // Actions first and frozen: reachable without scrolling sideways on a narrow screen.
        grid.addComponentColumn(d -> {
                    Button enrol = new Button(
                            getTranslation("kiosk.ui.devices.enrol"),
                            e -> showEnrolment(devices.openEnrolment(d.id())));
                    enrol.getElement().setAttribute("data-device", d.code());
                    Button revoke = new Button(getTranslation("kiosk.ui.devices.revoke"), e -> {
                        devices.revoke(d.id());
                        Notification.show(getTranslation("kiosk.ui.devices.revoked", d.code()));
                        refresh();
                    });
                    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    revoke.setEnabled(d.state() == DeviceSummary.State.ENROLLED
                            || d.state() == DeviceSummary.State.ENROLMENT_OPEN);
                    return new HorizontalLayout(enrol, revoke);
                })
                .setHeader(getTranslation("kiosk.ui.devices.column.actions"))
                .setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(DeviceSummary::code)
                .setHeader(getTranslation("kiosk.ui.devices.column.device"))
                .setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(d -> d.counterCode() + " · " + d.counterName())
                .setHeader(getTranslation("kiosk.ui.devices.column.counter"))
                .setAutoWidth(true);
        grid.addColumn(d -> state(d.state()))
                .setHeader(getTranslation("kiosk.ui.devices.column.state"))
                .setAutoWidth(true);
        grid.addColumn(d -> d.state() != DeviceSummary.State.ENROLLED
                        ? "—"
                        : getTranslation(d.online() ? "kiosk.ui.devices.online" : "kiosk.ui.devices.offline"))
                .setHeader(getTranslation("kiosk.ui.devices.column.connection"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> {
                    if (d.offlineAlertSince() == null) {
                        return new Span("—");
                    }
                    Span alert = new Span(
                            getTranslation("kiosk.ui.devices.offlineSince", formats.time(d.offlineAlertSince())));
                    alert.getStyle()
                            .set("color", "var(--lumo-error-text-color)")
                            .set("font-weight", "600");
                    alert.getElement().setAttribute("data-offline-alert", d.code());
                    return alert;
                })
                .setHeader(getTranslation("kiosk.ui.devices.column.alert"))
                .setAutoWidth(true);
        grid.addColumn(DeviceSummary::ratingsToday)
                .setHeader(getTranslation("kiosk.ui.devices.column.ratingsToday"))
                .setAutoWidth(true);
        grid.addColumn(d -> d.lastSeenAt() == null ? "—" : formats.time(d.lastSeenAt()))
                .setHeader(getTranslation("kiosk.ui.devices.column.lastSeen"))
                .setAutoWidth(true);
        grid.addColumn(DeviceSummary::unsentRatings)
                .setHeader(getTranslation("kiosk.ui.devices.column.unsent"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(devices.devices());
    }

    private static String state(DeviceSummary.State state) {
        return Words.of("kiosk.ui.devices.state." + state.name());
    }

    private void showEnrolment(EnrolmentLink link) {
        refresh();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("kiosk.ui.devices.enrolment.title", link.deviceCode()));
        // An <img> of the SVG, not inline markup: Vaadin's Html parses as HTML, which lowercases
        // viewBox to viewbox, and the code was then drawn 37 px wide in its box, too small to scan.
        Image code = new Image(
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder()
                                .encodeToString(QrCodes.svg(link.url()).getBytes(StandardCharsets.UTF_8)),
                getTranslation("kiosk.ui.devices.enrolment.qrAlt"));
        code.setWidth(QR_SIZE_PX + "px");
        code.setHeight(QR_SIZE_PX + "px");
        // Crisp module edges when the tablet's camera reads it off the screen.
        code.getStyle()
                .set("image-rendering", "pixelated")
                .set("display", "block")
                .set("background", "#ffffff");
        Div qr = new Div(code);
        qr.addClassName("kiosk-enrol-qr");
        Anchor anchor = new Anchor(link.url(), link.url());
        anchor.getElement().setAttribute("data-enrolment-link", "");
        dialog.add(new VerticalLayout(
                new Paragraph(
                        getTranslation("kiosk.ui.devices.enrolment.instructions", formats.time(link.expiresAt()))),
                new Paragraph(getTranslation("kiosk.ui.devices.enrolment.instructionsInEnglish")),
                qr,
                anchor));
        dialog.getFooter().add(new Button(getTranslation("kiosk.ui.devices.enrolment.close"), e -> dialog.close()));
        dialog.open();
    }
}
