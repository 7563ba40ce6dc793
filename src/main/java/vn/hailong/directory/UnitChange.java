package vn.hailong.directory;

import java.time.LocalDate;

/**
 * What the one-stop software says about a unit. Fields are raw text; {@link DirectoryService}
 * validates them and names each bad one.
 */
public record UnitChange(
        String name,
        String kind,
        String parent,
        String peerGroup,
        LocalDate validFrom,
        LocalDate validTo,
        String successorOf) {}
