package vn.hailong.kiosk;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hailong.OneStopSoftware;
import vn.hailong.TestData;
import vn.hailong.directory.DirectoryService;

/** A service centre with one counter and one registered kiosk device of its own, for one test. */
public record KioskFixture(
        String unit,
        String centreCode,
        String centreName,
        String counterCode,
        String deviceCode,
        DeviceSummary device) {

    public static KioskFixture create(
            OneStopSoftware oneStop,
            DirectoryService directory,
            KioskDeviceService devices,
            int idleSeconds,
            int thankYouSeconds) {
        String unit = oneStop.registersUnit("SERVICE_CENTRE");
        String suffix = TestData.uniqueSuffix();
        String centre = "TT-" + suffix;
        String centreName = "Trung tâm Phục vụ hành chính công " + suffix;
        directory.upsertCentre(centre, centreName, unit);
        String counter = "Q-" + suffix;
        directory.upsertCounter(counter, "Quầy số 3 – Đất đai", centre);
        String deviceCode = "kiosk-" + suffix.toLowerCase();
        DeviceSummary device = asAdmin(() -> devices.register(deviceCode, counter, "vi", idleSeconds, thankYouSeconds));
        return new KioskFixture(unit, centre, centreName, counter, deviceCode, device);
    }

    /** A fresh one-time enrolment path (without host: tests open it on their own port). */
    public String enrolmentPath(KioskDeviceService devices) {
        String url = asAdmin(() -> devices.openEnrolment(device.id())).url();
        return url.substring(url.indexOf("/kiosk-device/"));
    }

    public void revoke(KioskDeviceService devices) {
        asAdmin(() -> {
            devices.revoke(device.id());
            return null;
        });
    }

    public static <T> T asAdmin(Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(admin);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
