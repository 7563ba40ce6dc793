package vn.hailong.directory;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the one-stop software says about a unit. Fields are raw text; {@link DirectoryService}
 * validates them and names each bad one.
 */
public record UnitChange(
        @Nullable String name,
        @Nullable String kind,
        @Nullable String parent,
        @Nullable String peerGroup,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String successorOf) {}
