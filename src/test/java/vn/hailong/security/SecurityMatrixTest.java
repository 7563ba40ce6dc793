package vn.hailong.security;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;

import vn.hailong.HaiLongTest;
import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.audit.AuditLog;
import vn.hailong.dashboard.Breakdown;
import vn.hailong.dashboard.BreakdownService;
import vn.hailong.dashboard.DashboardPeriod;
import vn.hailong.dashboard.DashboardService;
import vn.hailong.dashboard.ExportService;
import vn.hailong.dashboard.RatingDetailService;
import vn.hailong.dashboard.Selection;
import vn.hailong.dashboard.ui.CounterDeskView;
import vn.hailong.dashboard.ui.DashboardView;
import vn.hailong.dashboard.ui.DossierRatingsView;
import vn.hailong.directory.DirectoryService;
import vn.hailong.followup.FollowUpService;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.UnitIndicatorService;
import vn.hailong.kiosk.KioskDeviceService;
import vn.hailong.moderation.ModerationService;
import vn.hailong.paperform.PaperFormService;
import vn.hailong.paperform.ui.PaperFormView;
import vn.hailong.platform.NotFoundException;
import vn.hailong.rating.RatingId;
import vn.hailong.security.ui.AccessDeniedView;
import vn.hailong.security.ui.LoginView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole access matrix in one parameterised test: each role (and anonymous) × own unit / other
 * unit × every view route, every application service entry point, and every API family, asserting
 * every denial and a sample of allowances.
 * <ul>
 * <li>Views: navigated without a browser with the user in the security context (Vaadin's
 * {@code NavigationAccessControl} runs as in production). The routes come from a scan of
 * {@code @Route} classes, and one case compares that with Vaadin's {@link RouteConfiguration}; a
 * view missing from {@link #VIEW_RULES} fails its own case, so a new view cannot slip through.</li>
 * <li>Services: called as a view would, with the user in the security context.</li>
 * <li>API: real HTTP, with no key, a wrong key, a logged-in user's session cookie (form log-in)
 * and the API key. API keys belong to integrators and are not scoped to units.</li>
 * </ul>
 */
@HaiLongTest
class SecurityMatrixTest extends SpringBrowserlessTest {

    enum Who {
        ADMIN,
        PROVINCE_MANAGER,
        UNIT_MANAGER,
        AUDITOR,
        OFFICER,
        DATA_ENTRY,
        ANONYMOUS
    }

    enum Unit {
        OWN,
        OTHER,
        NONE
    }

    enum Outcome {
        ALLOWED,
        DENIED
    }

    static final Set<Who> STAFF_READERS = EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.UNIT_MANAGER, Who.AUDITOR);
    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> LOGGED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));

    /** Who may open each view (by its class's simple name). Every @Route class must be listed. */
    static final Map<String, Set<Who>> VIEW_RULES = Map.ofEntries(
            // "/" is no page of its own: it forwards everyone logged in to where they may work.
            Map.entry("LandingView", LOGGED_IN),
            Map.entry("CounterDeskView", EnumSet.of(Who.ADMIN, Who.OFFICER)),
            Map.entry("DashboardView", STAFF_READERS),
            Map.entry("DossierRatingsView", STAFF_READERS),
            Map.entry("ExplainView", STAFF_READERS),
            Map.entry("IndexReviewView", EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.AUDITOR)),
            Map.entry("UnitIndicatorView", EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.UNIT_MANAGER)),
            Map.entry("MethodologyView", EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.AUDITOR)),
            Map.entry("FollowUpListView", STAFF_READERS),
            Map.entry("FollowUpCaseView", STAFF_READERS),
            Map.entry("ModerationView", STAFF_READERS),
            Map.entry("RatingModerationView", STAFF_READERS),
            Map.entry("KioskDevicesView", EnumSet.of(Who.ADMIN)),
            Map.entry("AccountsView", EnumSet.of(Who.ADMIN)),
            Map.entry("ApiKeysView", EnumSet.of(Who.ADMIN)),
            Map.entry("AuditLogView", EnumSet.of(Who.ADMIN, Who.AUDITOR)),
            Map.entry("ChangePasswordView", LOGGED_IN),
            // The second log-in step: shown only to a user who owes the code (none here), anyone else is sent on.
            Map.entry("TwoFactorView", EnumSet.noneOf(Who.class)),
            Map.entry("LoginView", EVERYONE),
            Map.entry("OpenDataView", EVERYONE),
            Map.entry("KioskView", EVERYONE),
            Map.entry("PaperFormView", EnumSet.of(Who.DATA_ENTRY)),
            Map.entry("SecondKeyingView", EnumSet.of(Who.DATA_ENTRY)),
            Map.entry("PaperFormChecksView", STAFF_READERS),
            Map.entry("WebhooksView", EnumSet.of(Who.ADMIN)));

    /** One cell of the matrix. */
    record Case(String family, String what, Who who, Unit unit, Outcome expected, Probe probe) {

        @Override
        public String toString() {
            return family + " · " + what + " · " + who + (unit == Unit.NONE ? "" : " · " + unit + " unit") + " → "
                    + expected;
        }
    }

    @FunctionalInterface
    interface Probe {
        Outcome run(SecurityMatrixTest t, Who who, Unit unit) throws Exception;
    }

    /** Units, accounts and data shared by every case (built once). */
    static final class Fixture {
        String own;
        String other;
        UUID ownId;
        UUID otherId;
        String ownDossier;
        String otherDossier;
        String counter;
        UUID device;
        UUID ownCase;
        UUID otherCase;
        UUID ownRating;
        UUID otherRating;
        final Map<Who, String> users = new EnumMap<>(Who.class);
        final Map<Who, String> sessions = new EnumMap<>(Who.class);
    }

    static Fixture f;
    static final String PASSWORD = "Ma-tran-2026x";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    PaperFormService paperForms;

    @Autowired
    AccountAdminService accountAdmin;

    @Autowired
    ApiKeyAdminService apiKeyAdmin;

    @Autowired
    DirectoryService directory;

    @Autowired
    DashboardService dashboard;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    RatingDetailService ratingDetails;

    @Autowired
    ExportService exports;

    @Autowired
    IndexSnapshotService snapshots;

    @Autowired
    UnitIndicatorService indicators;

    @Autowired
    MethodologyService methodologies;

    @Autowired
    FollowUpService followUps;

    @Autowired
    ModerationService moderation;

    @Autowired
    KioskDeviceService kiosks;

    @Autowired
    AuditLog audit;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // ---------------------------------------------------------------- the matrix

    static Stream<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "views",
                "every @Route has a rule and is registered with Vaadin",
                Who.ADMIN,
                Unit.NONE,
                Outcome.ALLOWED,
                (t, who, unit) -> t.routesMatchRules()));
        for (Class<?> view : routeClasses()) {
            Set<Who> allowed = VIEW_RULES.get(view.getSimpleName());
            for (Who who : Who.values()) {
                if (allowed == null) {
                    cases.add(new Case(
                            "views",
                            view.getSimpleName() + " (no rule!)",
                            who,
                            Unit.NONE,
                            Outcome.DENIED,
                            (t, w, u) -> {
                                throw new AssertionError(
                                        "view " + view.getName() + " has no rule in SecurityMatrixTest.VIEW_RULES");
                            }));
                    continue;
                }
                Outcome expected = allowed.contains(who) ? Outcome.ALLOWED : Outcome.DENIED;
                if (view.getSimpleName().equals("FollowUpCaseView")
                        || view.getSimpleName().equals("RatingModerationView")) {
                    boolean followUp = view.getSimpleName().equals("FollowUpCaseView");
                    for (Unit unit : List.of(Unit.OWN, Unit.OTHER)) {
                        Outcome e = expected == Outcome.ALLOWED && !(who == Who.UNIT_MANAGER && unit == Unit.OTHER)
                                ? Outcome.ALLOWED
                                : Outcome.DENIED;
                        cases.add(new Case(
                                "views",
                                followUp ? "/theo-doi/{case}" : "/kiem-duyet/danh-gia/{rating}",
                                who,
                                unit,
                                e,
                                (t, w, u) -> t.openScopedView(view, followUp, u)));
                    }
                } else if (view.getSimpleName().equals("DossierRatingsView")) {
                    for (Unit unit : List.of(Unit.OWN, Unit.OTHER)) {
                        Outcome e = expected == Outcome.ALLOWED && !(who == Who.UNIT_MANAGER && unit == Unit.OTHER)
                                ? Outcome.ALLOWED
                                : Outcome.DENIED;
                        cases.add(
                                new Case("views", "/ho-so/{dossier}", who, unit, e, (t, w, u) -> t.openDossierView(u)));
                    }
                } else if (view.getSimpleName().equals("LandingView")) {
                    cases.add(new Case("views", "/", who, Unit.NONE, expected, (t, w, u) -> {
                        UI.getCurrent().navigate("");
                        Object landed = t.getCurrentView();
                        Class<?> expectedPage = w == Who.OFFICER
                                ? CounterDeskView.class
                                : w == Who.DATA_ENTRY ? PaperFormView.class : DashboardView.class;
                        return expectedPage.isInstance(landed) ? Outcome.ALLOWED : t.deniedView();
                    }));
                } else if (view.getSimpleName().equals("TwoFactorView")) {
                    String location = view.getAnnotation(Route.class).value();
                    cases.add(new Case("views", "/" + location, who, Unit.NONE, expected, (t, w, u) -> {
                        UI.getCurrent().navigate(location);
                        return view.isInstance(t.getCurrentView()) ? Outcome.ALLOWED : Outcome.DENIED;
                    }));
                } else {
                    String location = view.getAnnotation(Route.class).value();
                    cases.add(new Case(
                            "views",
                            "/" + location,
                            who,
                            Unit.NONE,
                            expected,
                            (t, w, u) -> t.openView(location, view)));
                }
            }
        }
        for (Who who : Who.values()) {
            serviceCases(cases, who);
            apiCases(cases, who);
        }
        return cases.stream();
    }

    static void serviceCases(List<Case> cases, Who who) {
        for (Unit unit : List.of(Unit.OWN, Unit.OTHER)) {
            boolean scoped = who == Who.UNIT_MANAGER && unit == Unit.OTHER;
            Outcome reader = STAFF_READERS.contains(who) && !scoped ? Outcome.ALLOWED : Outcome.DENIED;
            Outcome handler = EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.UNIT_MANAGER)
                                    .contains(who)
                            && !scoped
                    ? Outcome.ALLOWED
                    : Outcome.DENIED;
            cases.add(new Case(
                    "services",
                    "dashboard headline",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> call(() -> t.dashboard.headline(t.selection(u)))));
            cases.add(new Case(
                    "services",
                    "dashboard breakdown by officer",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> call(() -> t.breakdowns.breakdown(t.selection(u), Breakdown.OFFICER))));
            cases.add(new Case(
                    "services",
                    "dashboard dossier page",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> call(() -> t.ratingDetails.dossier(u == Unit.OWN ? f.ownDossier : f.otherDossier))));
            cases.add(new Case(
                    "services",
                    "export ratings CSV",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> call(() -> t.exports.ratings(t.selection(u), ExportService.Format.CSV))));
            cases.add(new Case(
                    "services",
                    "export PDF report",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> call(() -> t.exports.report(t.selection(u)))));
            cases.add(new Case("services", "dashboard unit tree lists the unit", who, unit, reader, (t, w, u) -> {
                Outcome o = call(() -> t.dashboard.unitTree());
                if (o == Outcome.DENIED) {
                    return o;
                }
                String code = u == Unit.OWN ? f.own : f.other;
                return t.dashboard.unitTree().stream().anyMatch(n -> n.code().equals(code))
                        ? Outcome.ALLOWED
                        : Outcome.DENIED;
            }));
            cases.add(new Case(
                    "services",
                    "unit indicators read",
                    who,
                    unit,
                    STAFF_READERS.contains(who) && !scoped ? Outcome.ALLOWED : Outcome.DENIED,
                    (t, w, u) -> call(() -> t.indicators.get(u == Unit.OWN ? f.own : f.other, "2026"))));
            cases.add(new Case(
                    "services",
                    "unit indicators enter",
                    who,
                    unit,
                    handler,
                    (t, w, u) -> call(() -> t.indicators.enter(
                            u == Unit.OWN ? f.own : f.other, "2026", Map.of(5, new BigDecimal("1.5")), "ma trận"))));
            cases.add(new Case(
                    "services",
                    "follow-up case page",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> callScoped(() -> t.followUps.casePage(u == Unit.OWN ? f.ownCase : f.otherCase))));
            cases.add(new Case(
                    "services",
                    "follow-up: add a note",
                    who,
                    unit,
                    handler,
                    (t, w, u) -> callScoped(
                            () -> t.followUps.addNote(u == Unit.OWN ? f.ownCase : f.otherCase, "ma trận " + w))));
            cases.add(new Case(
                    "services",
                    "moderation: read a rating's case",
                    who,
                    unit,
                    reader,
                    (t, w, u) -> callScoped(
                            () -> t.moderation.ratingCase(RatingId.of(u == Unit.OWN ? f.ownRating : f.otherRating)))));
            // auditors read cases (never the citizen's number); handling them is for managers, below
            cases.add(new Case("services", "follow-up open cases of the unit", who, unit, reader, (t, w, u) -> {
                Outcome o = call(() -> t.followUps.openCases(u == Unit.OWN ? f.ownId : f.otherId));
                return o == Outcome.DENIED
                                || t.followUps
                                        .openCases(u == Unit.OWN ? f.ownId : f.otherId)
                                        .isEmpty()
                        ? Outcome.DENIED
                        : Outcome.ALLOWED;
            }));
        }
        Outcome admin = who == Who.ADMIN ? Outcome.ALLOWED : Outcome.DENIED;
        Outcome auditor = who == Who.ADMIN || who == Who.AUDITOR ? Outcome.ALLOWED : Outcome.DENIED;
        Outcome provinceWide =
                EnumSet.of(Who.ADMIN, Who.PROVINCE_MANAGER, Who.AUDITOR).contains(who)
                        ? Outcome.ALLOWED
                        : Outcome.DENIED;
        cases.add(new Case(
                "services",
                "paper forms: keying figures and mismatches",
                who,
                Unit.NONE,
                STAFF_READERS.contains(who) ? Outcome.ALLOWED : Outcome.DENIED,
                (t, w, u) -> call(() -> t.paperForms.integrity())));
        cases.add(new Case(
                "services",
                "paper forms: forms awaiting a second keying",
                who,
                Unit.NONE,
                who == Who.DATA_ENTRY ? Outcome.ALLOWED : Outcome.DENIED,
                (t, w, u) -> call(() -> t.paperForms.awaitingSecondKeying())));
        cases.add(new Case(
                "services",
                "index snapshots explainable",
                who,
                Unit.NONE,
                STAFF_READERS.contains(who) ? Outcome.ALLOWED : Outcome.DENIED,
                (t, w, u) -> call(() -> t.snapshots.explainable())));
        cases.add(new Case(
                "services",
                "index snapshots recent",
                who,
                Unit.NONE,
                provinceWide,
                (t, w, u) -> call(() -> t.snapshots.recent(5))));
        cases.add(new Case(
                "services",
                "index methodology new version",
                who,
                Unit.NONE,
                who == Who.ADMIN || who == Who.PROVINCE_MANAGER ? Outcome.ALLOWED : Outcome.DENIED,
                (t, w, u) -> call(() -> t.methodologies.addVersion(
                        "matrix-" + TestData.uniqueSuffix().toLowerCase(),
                        null,
                        null,
                        "Ma trận",
                        t.methodologies
                                .forYear(MethodologyService.DEFAULT_SCHEME, 2026)
                                .definition()))));
        cases.add(new Case(
                "services",
                "kiosk devices list",
                who,
                Unit.NONE,
                provinceWide,
                (t, w, u) -> call(() -> t.kiosks.devices())));
        cases.add(new Case(
                "services",
                "kiosk device register",
                who,
                Unit.NONE,
                admin,
                (t, w, u) ->
                        call(() -> t.kiosks.register("m-" + TestData.uniqueSuffix(), f.counter, "vi", null, null))));
        cases.add(new Case(
                "services",
                "kiosk device enrolment link",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.kiosks.openEnrolment(f.device))));
        cases.add(new Case(
                "services",
                "kiosk device revoke",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.kiosks.revoke(f.device))));
        cases.add(new Case(
                "services",
                "accounts list",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.accountAdmin.accounts())));
        cases.add(new Case(
                "services",
                "account create",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.accountAdmin.create(
                        "m-" + TestData.uniqueSuffix().toLowerCase(), "Ma trận", Role.OFFICER, f.own, PASSWORD))));
        cases.add(new Case(
                "services", "API keys list", who, Unit.NONE, admin, (t, w, u) -> call(() -> t.apiKeyAdmin.keys())));
        cases.add(new Case(
                "services",
                "API key issue",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.apiKeyAdmin.issueForIntegrator(
                        "m-" + TestData.uniqueSuffix().toLowerCase(), null, false))));
        cases.add(new Case(
                "services",
                "account disable",
                who,
                Unit.NONE,
                admin,
                (t, w, u) -> call(() -> t.accountAdmin.setEnabled(f.users.get(Who.OFFICER), true))));
        cases.add(new Case(
                "services",
                "audit log entries",
                who,
                Unit.NONE,
                auditor,
                (t, w, u) -> call(() -> t.audit.entries(AuditLog.Query.all(), 5))));
        cases.add(new Case(
                "services", "audit log verify", who, Unit.NONE, auditor, (t, w, u) -> call(() -> t.audit.verify())));
        cases.add(new Case(
                "services",
                "audit log CSV",
                who,
                Unit.NONE,
                auditor,
                (t, w, u) -> call(() -> t.audit.csv(AuditLog.Query.all(), 5))));
    }

    /** Each API family: only the API key opens it; a browser session of any role does not. */
    static void apiCases(List<Case> cases, Who who) {
        Map<String, String> families = new LinkedHashMap<>();
        families.put("units", "/api/v1/units/{own}");
        families.put("dossiers", "/api/v1/dossiers/{ownDossier}");
        families.put("receipts", "/api/v1/dossiers/{ownDossier}/qr.svg");
        families.put("index", "/api/v1/index?period=2026");
        families.put("unit indicators", "/api/v1/units/{own}/indicators/2026");
        families.put("other unit's data", "/api/v1/units/{other}");
        for (Map.Entry<String, String> family : families.entrySet()) {
            String path = family.getValue();
            cases.add(new Case(
                    "api",
                    "GET " + family.getKey() + (who == Who.ANONYMOUS ? " without a key" : " with the session of"),
                    who,
                    Unit.NONE,
                    Outcome.DENIED,
                    (t, w, u) -> t.api(path, w, null)));
            if (who == Who.ANONYMOUS) {
                cases.add(new Case(
                        "api",
                        "GET " + family.getKey() + " with a wrong key",
                        who,
                        Unit.NONE,
                        Outcome.DENIED,
                        (t, w, u) -> t.api(path, w, "wrong-key-0123456789abcdef0123456789abcdef")));
                cases.add(new Case(
                        "api",
                        "GET " + family.getKey() + " with the API key",
                        who,
                        Unit.NONE,
                        Outcome.ALLOWED,
                        (t, w, u) -> t.api(path, w, HaiLongTest.API_KEY)));
            }
        }
        cases.add(new Case(
                "api",
                "POST ratings" + (who == Who.ANONYMOUS ? " without a key" : " with the session of"),
                who,
                Unit.NONE,
                Outcome.DENIED,
                (t, w, u) -> t.apiPost("/api/v1/ratings", w)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void the_access_matrix(Case c) throws Exception {
        fixture();
        signIn(c.who());
        Outcome actual = c.probe().run(this, c.who(), c.unit());
        assertThat(actual).as(c.toString()).isEqualTo(c.expected());
    }

    // ---------------------------------------------------------------- probes

    static Outcome call(ThrowingRunnable action) throws Exception {
        try {
            action.run();
            return Outcome.ALLOWED;
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException e) {
            return Outcome.DENIED;
        }
    }

    /** Out of a user's scope, a case or rating is "not found" (its existence is not revealed): a denial too. */
    static Outcome callScoped(ThrowingRunnable action) throws Exception {
        try {
            return call(action);
        } catch (NotFoundException e) {
            return Outcome.DENIED;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    Selection selection(Unit unit) {
        return new Selection(
                DashboardPeriod.containing(DashboardPeriod.Kind.YEAR, LocalDate.now(OneStopSoftware.ZONE)),
                unit == Unit.OWN ? f.ownId : f.otherId);
    }

    Outcome openView(String location, Class<?> view) {
        UI.getCurrent().navigate(location);
        return view.isInstance(getCurrentView()) ? Outcome.ALLOWED : deniedView();
    }

    Outcome openDossierView(Unit unit) {
        UI.getCurrent().navigate("ho-so/" + (unit == Unit.OWN ? f.ownDossier : f.otherDossier));
        if (!(getCurrentView() instanceof DossierRatingsView)) {
            return deniedView();
        }
        // the view opens, but another unit's dossier is not shown
        return find(Paragraph.class).withId("dossier-facts").exists() ? Outcome.ALLOWED : Outcome.DENIED;
    }

    /** A case or rating page: the view opens for staff, but another unit's case or rating is not shown. */
    Outcome openScopedView(Class<?> view, boolean followUp, Unit unit) {
        UUID id = followUp
                ? (unit == Unit.OWN ? f.ownCase : f.otherCase)
                : (unit == Unit.OWN ? f.ownRating : f.otherRating);
        UI.getCurrent().navigate((followUp ? "theo-doi/" : "kiem-duyet/danh-gia/") + id);
        if (!view.isInstance(getCurrentView())) {
            return deniedView();
        }
        String title = followUp ? "Phản ánh về hồ sơ" : "Đánh giá hồ sơ";
        return find(H2.class).all().stream().anyMatch(h -> h.getText().startsWith(title))
                ? Outcome.ALLOWED
                : Outcome.DENIED;
    }

    /** A denied navigation ends on the log-in page (anonymous) or the access-denied page (logged in), nowhere else. */
    Outcome deniedView() {
        Object view = getCurrentView();
        assertThat(view).isInstanceOfAny(LoginView.class, AccessDeniedView.class);
        return Outcome.DENIED;
    }

    Outcome routesMatchRules() {
        Set<String> registered = new TreeSet<>();
        RouteConfiguration.forApplicationScope()
                .getAvailableRoutes()
                .forEach(r -> registered.add(r.getNavigationTarget().getSimpleName()));
        Set<String> scanned = new TreeSet<>();
        routeClasses().forEach(c -> scanned.add(c.getSimpleName()));
        assertThat(registered)
                .as("routes Vaadin knows = @Route classes scanned")
                .isEqualTo(scanned);
        assertThat(VIEW_RULES.keySet()).as("every view has a rule").containsAll(registered);
        return Outcome.ALLOWED;
    }

    Outcome api(String template, Who who, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path(template)))
                .GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (who != Who.ANONYMOUS) {
            request.header("Cookie", session(who));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return outcome(response);
    }

    Outcome apiPost(String path, Who who) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"dossierCode\":\"" + f.ownDossier + "\",\"channel\":\"PORTAL\",\"idempotencyKey\":\""
                                + UUID.randomUUID() + "\",\"answers\":{\"overall\":\"VERY_SATISFIED\"}}"));
        if (who != Who.ANONYMOUS) {
            request.header("Cookie", session(who));
        }
        return outcome(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static Outcome outcome(HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            return Outcome.DENIED;
        }
        // past authorisation: an answer, or "nothing published for that period yet"
        assertThat(response.statusCode())
                .as(response.uri() + " " + response.body())
                .satisfiesAnyOf(
                        s -> assertThat(s).isBetween(200, 299),
                        s -> assertThat(s).isEqualTo(404));
        return Outcome.ALLOWED;
    }

    String path(String template) {
        return template.replace("{own}", f.own).replace("{other}", f.other).replace("{ownDossier}", f.ownDossier);
    }

    // ---------------------------------------------------------------- set-up

    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static List<Class<?>> routeClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> classes = new ArrayList<>();
        for (var bean : scanner.findCandidateComponents("vn.hailong")) {
            try {
                classes.add(Class.forName(bean.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return classes;
    }

    void signIn(Who who) {
        SecurityContextHolder.clearContext();
        if (who == Who.ANONYMOUS) {
            return;
        }
        UserDetails user = accounts.loadUserByUsername(f.users.get(who));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    void fixture() throws Exception {
        if (f != null) {
            return;
        }
        Fixture x = new Fixture();
        OneStopSoftware oneStop = new OneStopSoftware(port);
        x.own = oneStop.registersUnit("COMMUNE");
        x.other = oneStop.registersUnit("COMMUNE");
        x.ownId = directory.findUnit(x.own).orElseThrow().id();
        x.otherId = directory.findUnit(x.other).orElseThrow().id();
        x.ownDossier = oneStop.sendsReturnedDossier(x.own, Instant.now().minusSeconds(3600));
        x.otherDossier = oneStop.sendsReturnedDossier(x.other, Instant.now().minusSeconds(3600));
        // an unhappy rating in each unit opens a follow-up case there
        for (String dossier : List.of(x.ownDossier, x.otherDossier)) {
            Map<String, Object> rating = OneStopSoftware.rating(dossier, "DISSATISFIED");
            rating.put("reasons", List.of("SLOW"));
            var answer = oneStop.relays(rating);
            assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        }
        String suffix = TestData.uniqueSuffix().toLowerCase();
        for (Who who : Who.values()) {
            if (who == Who.ANONYMOUS) {
                continue;
            }
            String name = "mx-" + who.name().toLowerCase().replace('_', '-') + "-" + suffix;
            Role role = Role.valueOf(who.name());
            accounts.ensureAccount(
                    name,
                    PASSWORD,
                    "Ma trận " + who,
                    role,
                    role == Role.UNIT_MANAGER || role == Role.OFFICER ? x.own : null);
            x.users.put(who, name);
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "matrix-setup", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        String centre = "MX-C-" + suffix;
        directory.upsertCentre(centre, "Bộ phận một cửa ma trận", x.own);
        x.counter = "MX-Q-" + suffix;
        directory.upsertCounter(x.counter, "Quầy ma trận", centre);
        x.device = kiosks.register("mx-" + suffix, x.counter, "vi", null, null).id();
        // read as the real admin account: the scope of a user comes from their stored account
        UserDetails admin = accounts.loadUserByUsername(x.users.get(Who.ADMIN));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        var ownCase = followUps.openCases(x.ownId).getFirst();
        var otherCase = followUps.openCases(x.otherId).getFirst();
        x.ownCase = ownCase.id();
        x.ownRating = ownCase.ratingId();
        x.otherCase = otherCase.id();
        x.otherRating = otherCase.ratingId();
        SecurityContextHolder.clearContext();
        f = x;
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS) {
                x.sessions.put(who, logIn(x.users.get(who)));
            }
        }
    }

    String session(Who who) {
        return f.sessions.get(who);
    }

    /** A real form log-in over HTTP; answers the session cookie. */
    String logIn(String username) throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page);
        StringBuilder form = new StringBuilder("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        if (csrf.find()) {
            form.append("&_csrf=").append(URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        }
        HttpResponse<String> login = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("log-in of " + username).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String session = login.headers().allValues("Set-Cookie").isEmpty() ? cookie : cookie(login);
        // the session is a real one: the manager UI answers it without sending it to the log-in page
        HttpResponse<String> home = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/doi-mat-khau"))
                        .header("Cookie", session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("session of " + username).isEqualTo(200);
        return session;
    }

    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from " + response.uri()));
    }
}
