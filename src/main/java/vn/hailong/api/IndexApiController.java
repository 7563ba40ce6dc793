package vn.hailong.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.index.Explanation;
import vn.hailong.index.IndexCsv;
import vn.hailong.index.IndexSnapshotService;
import vn.hailong.index.Methodology;
import vn.hailong.index.MethodologyService;
import vn.hailong.index.Snapshot;
import vn.hailong.index.UnitInputs;
import vn.hailong.index.UnitResult;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.NotFoundException;

/** The published index: results per period (JSON or CSV) and one unit's explanation. */
@RestController
@RequestMapping("/api/v1/index")
class IndexApiController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final IndexSnapshotService snapshots;
    private final MethodologyService methodologies;

    IndexApiController(IndexSnapshotService snapshots, MethodologyService methodologies) {
        this.snapshots = snapshots;
        this.methodologies = methodologies;
    }

    record MethodologyVersion(
            String scheme,
            int version,
            @Nullable String province,
            @Nullable Integer year,
            String name,
            Methodology.Definition definition) {}

    /** Every version of a scheme's methodology, newest first: what each published period was computed with. */
    @GetMapping(value = "/methodologies/{scheme}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MethodologyVersion> methodology(@PathVariable String scheme) {
        List<Methodology> versions = methodologies.versions(scheme);
        if (versions.isEmpty()) {
            throw new NotFoundException("no methodology '" + scheme + "'");
        }
        return versions.stream()
                .map(m -> new MethodologyVersion(
                        m.scheme(), m.version(), m.province(), m.year(), m.name(), m.definition()))
                .toList();
    }

    /** {@code satisfaction}: the rate's sample size and 95 % Wilson interval (percent). */
    record IndexRow(
            String unitCode,
            String unitName,
            String peerGroup,
            long dossiers,
            long ratings,
            @Nullable BigDecimal satisfactionRate,
            UnitResult.@Nullable SatisfactionSample satisfaction,
            @Nullable BigDecimal tt01Score,
            @Nullable String tt01Band,
            @Nullable String tt01BandLabel,
            @Nullable BigDecimal d766SatisfactionPoints,
            @Nullable BigDecimal parSurveyPoints,
            @Nullable String parBand,
            @Nullable Integer rank,
            @Nullable Integer rankChange,
            List<String> flags) {

        static IndexRow of(UnitResult r) {
            return new IndexRow(
                    r.unitCode(),
                    r.unitName(),
                    r.peerGroup(),
                    r.dossiers(),
                    r.ratings(),
                    r.satisfactionRate(),
                    r.satisfaction(),
                    r.circular01Total(),
                    r.circular01Band() == null ? null : r.circular01Band().name(),
                    r.circular01Band() == null ? null : r.circular01Band().label(),
                    r.decision766().totalPoints(),
                    r.parSurveyPoints(),
                    r.parBand(),
                    r.rank(),
                    r.rankChange(),
                    r.flags());
        }
    }

    /** {@code correction}: null for a first publication; else why and when these figures replaced earlier published ones. */
    record IndexResponse(
            String scheme,
            String period,
            int methodologyVersion,
            @Nullable Instant publishedAt,
            String inputsHash,
            @Nullable Correction correction,
            @Nullable String peerGroup,
            List<IndexRow> units) {}

    record Correction(@Nullable String reason, int earlierPublications) {}

    record ExplanationResponse(
            String scheme,
            String period,
            String status,
            @Nullable Instant publishedAt,
            String inputsHash,
            MethodologyRef methodology,
            UnitInputs inputs,
            UnitResult result) {}

    record MethodologyRef(String scheme, int version, String name, Methodology.Definition definition) {}

    /** The published results of a period under a scheme (default: the seeded one), optionally of one peer group. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    IndexResponse index(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String scheme,
            @RequestParam(required = false) @Nullable String peerGroup) {
        String s = scheme(scheme);
        String p = required(period);
        List<UnitResult> results = snapshots.publishedResults(s, p, blankToNull(peerGroup));
        Snapshot snapshot = snapshots.published(s, p).orElseThrow();
        Correction correction = snapshot.corrects() == null
                ? null
                : new Correction(
                        snapshot.correctionReason(),
                        snapshots.publicationHistory(s, snapshot.period()).size() - 1);
        return new IndexResponse(
                s,
                snapshot.period(),
                snapshot.methodologyVersion(),
                snapshot.publishedAt(),
                snapshot.inputsHash(),
                correction,
                blankToNull(peerGroup),
                results.stream().map(IndexRow::of).toList());
    }

    /** The same as CSV, for {@code Accept: text/csv}. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String scheme,
            @RequestParam(required = false) @Nullable String peerGroup) {
        String s = scheme(scheme);
        String p = required(period);
        List<UnitResult> results = snapshots.publishedResults(s, p, blankToNull(peerGroup));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"chi-so-hai-long-" + s + "-" + p.strip() + ".csv\"")
                .body(IndexCsv.of(results));
    }

    /** Why a unit has its figures: inputs, each indicator's average and rounding, points, band, rank. */
    @GetMapping(value = "/units/{agencyCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    ExplanationResponse explain(
            @PathVariable String agencyCode,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String scheme) {
        Explanation e = snapshots.explainPublished(scheme(scheme), required(period), agencyCode);
        return new ExplanationResponse(
                e.snapshot().scheme(),
                e.snapshot().period(),
                e.snapshot().status().name(),
                e.snapshot().publishedAt(),
                e.snapshot().inputsHash(),
                new MethodologyRef(
                        e.methodology().scheme(),
                        e.methodology().version(),
                        e.methodology().name(),
                        e.methodology().definition()),
                e.inputs(),
                e.result());
    }

    private static String required(@Nullable String period) {
        if (period == null || period.isBlank()) {
            throw InvalidInputException.malformed("period", "period is required: 2026, 2026-Q3 or 2026-07");
        }
        return period;
    }

    private static String scheme(@Nullable String scheme) {
        return scheme == null || scheme.isBlank() ? MethodologyService.DEFAULT_SCHEME : scheme.strip();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
