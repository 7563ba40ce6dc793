package vn.hailong.api;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    record HandoverRequest(String dossierCode, String officerId) {}

    /** {@code state}: SHOWN, QUEUED or REPLACED; {@code waitingAhead}: handovers that will be shown before a queued one. */
    record HandoverResponse(
            String handoverId,
            String counterCode,
            String dossierCode,
            OffsetDateTime handedOverAt,
            OffsetDateTime expiresAt,
            String state,
            int waitingAhead) {}

    /**
     * Binds the dossier to the counter's kiosk until {@code expiresAt}. Every 2xx means the handover
     * is stored: 201 with {@code state: SHOWN} when the kiosk shows it now; 202 with
     * {@code state: QUEUED} when a citizen is still answering the survey before it (it is shown when
     * that one is sent or abandoned); 200 when the dossier is already open at the counter (its
     * handover, nothing new). 404 unknown counter, 400/422 naming {@code dossierCode} or
     * {@code officerId}, 409 when the dossier is rated already.
     */
    @PostMapping("/api/v1/counters/{counterCode}/handover")
    ResponseEntity<HandoverResponse> handOver(@PathVariable String counterCode, @RequestBody HandoverRequest body) {
        HandoverReceipt receipt = kiosk.handOver(counterCode, body.dossierCode(), body.officerId());
        HttpStatus status = receipt.repeated()
                ? HttpStatus.OK
                : receipt.state() == HandoverReceipt.State.QUEUED ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .body(new HandoverResponse(
                        receipt.handoverId().toString(),
                        receipt.counterCode(),
                        receipt.dossierCode(),
                        receipt.handedOverAt().atZone(clock.getZone()).toOffsetDateTime(),
                        receipt.expiresAt().atZone(clock.getZone()).toOffsetDateTime(),
                        receipt.state().name(),
                        receipt.ahead()));
    }
}
