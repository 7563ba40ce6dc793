package vn.hailong.kiosk;

import java.util.Locale;
import java.util.UUID;

/** An enrolled tablet as its kiosk page needs it: where it stands and how it behaves. */
public record KioskDeviceInfo(
        UUID id,
        String code,
        UUID counterId,
        String counterCode,
        String counterName,
        String centreName,
        Locale locale,
        int idleTimeoutSeconds,
        int thankYouSeconds,
        String templateKey,
        Branding branding,
        boolean acceptsUnbound,
        boolean storesAbandoned) {}
