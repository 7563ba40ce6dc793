package vn.hailong.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.directory.AgencySummary;
import vn.hailong.directory.DirectoryService;
import vn.hailong.directory.UnitChange;
import vn.hailong.platform.FieldErrors;
import vn.hailong.platform.StorableTimes;
import vn.hailong.platform.UnitId;

/** Units (agencies) as the one-stop software registers them. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final DirectoryService directory;

    UnitApiController(DirectoryService directory) {
        this.directory = directory;
    }

    record UnitRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String parent,
            @Nullable String peerGroup,
            @Nullable String validFrom,
            @Nullable String validTo,
            @Nullable String successorOf) {}

    record UnitResponse(
            String code,
            String name,
            String kind,
            @Nullable String parent,
            @Nullable String peerGroup,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String successorOf) {}

    /** Creates (201) or updates (200) the unit with this agency code. */
    @PutMapping("/{agencyCode}")
    ResponseEntity<UnitResponse> put(@PathVariable String agencyCode, @RequestBody UnitRequest body) {
        FieldErrors errors = new FieldErrors();
        LocalDate validFrom = date(errors, "validFrom", body.validFrom());
        LocalDate validTo = date(errors, "validTo", body.validTo());
        errors.throwIfAny();
        DirectoryService.UnitUpsert result = directory.upsertUnit(
                agencyCode,
                new UnitChange(
                        body.name(),
                        body.kind(),
                        body.parent(),
                        body.peerGroup(),
                        validFrom,
                        validTo,
                        body.successorOf()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response(result.unit()));
    }

    @GetMapping("/{agencyCode}")
    UnitResponse get(@PathVariable String agencyCode) {
        return response(directory.getUnit(agencyCode));
    }

    private UnitResponse response(AgencySummary unit) {
        String parent = unit.parentId() == null
                ? null
                : directory
                        .findUnit(UnitId.of(unit.parentId()))
                        .map(AgencySummary::code)
                        .orElse(null);
        String predecessor = unit.successorOfId() == null
                ? null
                : directory
                        .findUnit(UnitId.of(unit.successorOfId()))
                        .map(AgencySummary::code)
                        .orElse(null);
        return new UnitResponse(
                unit.code(),
                unit.name(),
                unit.kind().name(),
                parent,
                unit.peerGroup(),
                unit.validFrom(),
                unit.validTo(),
                predecessor);
    }

    private static @Nullable LocalDate date(FieldErrors errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StorableTimes.check(errors, field, value, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            errors.malformed(field, field + " '" + value + "' is not a date like 2025-07-01");
            return null;
        }
    }
}
