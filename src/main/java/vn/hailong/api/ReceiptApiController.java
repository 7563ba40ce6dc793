package vn.hailong.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import vn.hailong.intake.DossierDetails;
import vn.hailong.intake.DossierId;
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

    // As StringHttpMessageConverter answered it before the QR was written directly.
    static final String SVG_TYPE = "image/svg+xml;charset=UTF-8";
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

    // The two QR answers are written straight to the servlet response: a known type and a byte array
    // need none of MVC's return-value handling (message converters, content negotiation, body advice),
    // which cost about as much per request as drawing the code. Errors still go through ApiProblemHandler.

    @GetMapping("/qr.svg")
    @ApiResponse(
            responseCode = "200",
            description = "the QR code as SVG",
            content = @Content(mediaType = SVG_TYPE, schema = @Schema(type = "string")))
    void svg(@PathVariable String code, HttpServletResponse response) throws IOException {
        write(response, SVG_TYPE, QrCodes.svg(linkOf(code)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/qr.png")
    @ApiResponse(
            responseCode = "200",
            description = "the QR code as a black-and-white PNG",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    void png(@PathVariable String code, @RequestParam(defaultValue = "256") String size, HttpServletResponse response)
            throws IOException {
        int pixels = pixels(size);
        write(response, MediaType.IMAGE_PNG_VALUE, QrCodes.png(linkOf(code), pixels));
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CACHE_CONTROL, ONE_DAY);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @GetMapping("/slip")
    ResponseEntity<String> slip(@PathVariable String code) {
        DossierDetails dossier = intake.get(code);
        RatingSlip slip = new RatingSlip(
                dossier.code(), dossier.procedureName(), dossier.dueAt(), clock.getZone(), links.linkFor(dossier.id()));
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .body(slip.html());
    }

    /** The survey link, after one look-up that only checks the dossier exists. */
    private String linkOf(String code) {
        DossierId id =
                intake.findId(code).orElseThrow(() -> new NotFoundException("no dossier with code '" + code + "'"));
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
