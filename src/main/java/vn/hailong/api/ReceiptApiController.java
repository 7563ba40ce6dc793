package vn.hailong.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierIntakeService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;
import vn.hailong.receipt.QrCodes;
import vn.hailong.receipt.RatingSlip;
import vn.hailong.receipt.SurveyLinkService;

/** What the one-stop software prints on a receipt: the QR of the dossier's survey link, or a whole rating slip. */
@RestController
@RequestMapping("/api/v1/dossiers/{code}")
class ReceiptApiController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    // A dossier's link never changes (it is derived from its id), so its QR may be kept a day;
    // private, since the answer needs the integrator's key.
    static final String ONE_DAY = "private, max-age=" + Duration.ofDays(1).toSeconds();

    private final DossierIntakeService intake;
    private final SurveyLinkService links;
    private final Clock clock;

    ReceiptApiController(DossierIntakeService intake, SurveyLinkService links, Clock clock) {
        this.intake = intake;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/qr.svg")
    ResponseEntity<String> svg(@PathVariable String code) {
        return ResponseEntity.ok().contentType(SVG).header(HttpHeaders.CACHE_CONTROL, ONE_DAY).body(QrCodes.svg(linkOf(code)));
    }

    @GetMapping("/qr.png")
    ResponseEntity<byte[]> png(@PathVariable String code, @RequestParam(defaultValue = "256") String size) {
        int pixels = pixels(size);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, ONE_DAY)
                .body(QrCodes.png(linkOf(code), pixels));
    }

    @GetMapping("/slip")
    ResponseEntity<String> slip(@PathVariable String code) {
        DossierDetails dossier = intake.get(code);
        RatingSlip slip = new RatingSlip(dossier.code(), dossier.procedureName(), dossier.dueAt(), clock.getZone(),
                links.linkFor(dossier.id()));
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(slip.html());
    }

    /** The survey link, after one look-up that only checks the dossier exists. */
    private String linkOf(String code) {
        UUID id = intake.findId(code).orElseThrow(() -> new NotFoundException("no dossier with code '" + code + "'"));
        return links.linkFor(id);
    }

    private static int pixels(String size) {
        int pixels;
        try {
            pixels = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.malformed("size", "size '" + size + "' is not a whole number of pixels");
        }
        String problem = QrCodes.problemWithSize(pixels);
        if (problem != null) {
            throw InvalidInputException.malformed("size", problem);
        }
        return pixels;
    }
}
