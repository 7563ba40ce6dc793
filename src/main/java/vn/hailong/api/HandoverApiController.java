package vn.hailong.api;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.kiosk.HandoverReceipt;
import vn.hailong.kiosk.KioskService;

/** The officer handed a dossier over at a counter: that counter's kiosk offers its survey at once. */
@RestController
class HandoverApiController {

    private final KioskService kiosk;
    private final Clock clock;

    HandoverApiController(KioskService kiosk, Clock clock) {
        this.kiosk = kiosk;
        this.clock = clock;
    }

    record HandoverRequest(String dossierCode, String officerId) {
    }

    record HandoverResponse(String handoverId, String counterCode, String dossierCode, OffsetDateTime handedOverAt,
            OffsetDateTime expiresAt) {
    }

    /**
     * Binds the dossier to the counter's kiosk until {@code expiresAt} (201). 404 unknown counter,
     * 400/422 naming {@code dossierCode} or {@code officerId}, 409 when the dossier is rated already.
     */
    @PostMapping("/api/v1/counters/{counterCode}/handover")
    @ResponseStatus(HttpStatus.CREATED)
    HandoverResponse handOver(@PathVariable String counterCode, @RequestBody HandoverRequest body) {
        HandoverReceipt receipt = kiosk.handOver(counterCode, body.dossierCode(), body.officerId());
        return new HandoverResponse(receipt.handoverId().toString(), receipt.counterCode(), receipt.dossierCode(),
                receipt.handedOverAt().atZone(clock.getZone()).toOffsetDateTime(),
                receipt.expiresAt().atZone(clock.getZone()).toOffsetDateTime());
    }
}
