package vn.hailong.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limit of the machines' requests ({@code hailong.api.max-body-size}; the API's other settings
 * are the security module's).
 *
 * @param maxBodySize the largest request body accepted under {@code /api/**} and
 *     {@code /kiosk-device/**}, at least 1KB; a larger one is refused with 413 before it is read
 *     ({@link MachineRequestFilter})
 */
@ConfigurationProperties("hailong.api")
record MachineRequestProperties(
        @DefaultValue(MachineRequestFilter.DEFAULT_MAX_BODY_BYTES + "B")
        DataSize maxBodySize) {}
