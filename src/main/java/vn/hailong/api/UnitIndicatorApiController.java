package vn.hailong.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.index.UnitIndicatorService;

/** Circular 01/2018 indicators 5, 6, 8, 9 of a unit and period, entered by the one-stop software or a reporting system. */
@RestController
@RequestMapping("/api/v1/units/{agencyCode}/indicators")
class UnitIndicatorApiController {

    private final UnitIndicatorService indicators;

    UnitIndicatorApiController(UnitIndicatorService indicators) {
        this.indicators = indicators;
    }

    /** Each value 0–2 (at most two decimals) or null for "not entered"; a PUT replaces all four. */
    record IndicatorsRequest(
            @Nullable BigDecimal indicator5,
            @Nullable BigDecimal indicator6,
            @Nullable BigDecimal indicator8,
            @Nullable BigDecimal indicator9,
            @Nullable String note) {}

    record ChangeResponse(
            String field,
            @Nullable BigDecimal previous,
            @Nullable BigDecimal value,
            String changedBy,
            Instant changedAt,
            @Nullable String note) {}

    record IndicatorsResponse(
            String unitCode,
            String unitName,
            String period,
            @Nullable BigDecimal indicator5,
            @Nullable BigDecimal indicator6,
            @Nullable BigDecimal indicator8,
            @Nullable BigDecimal indicator9,
            List<ChangeResponse> history) {}

    @PutMapping("/{period}")
    IndicatorsResponse put(
            @PathVariable String agencyCode, @PathVariable String period, @RequestBody IndicatorsRequest body) {
        Map<Integer, BigDecimal> values = new HashMap<>();
        values.put(5, body.indicator5());
        values.put(6, body.indicator6());
        values.put(8, body.indicator8());
        values.put(9, body.indicator9());
        return response(indicators.enter(agencyCode, period, values, body.note()));
    }

    @GetMapping("/{period}")
    IndicatorsResponse get(@PathVariable String agencyCode, @PathVariable String period) {
        return response(indicators.get(agencyCode, period));
    }

    private static IndicatorsResponse response(UnitIndicatorService.Entries e) {
        return new IndicatorsResponse(
                e.unitCode(),
                e.unitName(),
                e.period(),
                e.values().get(5),
                e.values().get(6),
                e.values().get(8),
                e.values().get(9),
                e.history().stream()
                        .map(c -> new ChangeResponse(
                                "indicator" + c.indicator(),
                                c.previous(),
                                c.value(),
                                c.changedBy(),
                                c.changedAt(),
                                c.note()))
                        .toList());
    }
}
