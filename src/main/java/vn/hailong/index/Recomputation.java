package vn.hailong.index;

import java.util.List;

/** Recomputing a snapshot from its archived inputs: the hash and every result must match. */
public record Recomputation(
        String archivedHash, String recomputedHash, boolean resultsIdentical, List<UnitResult> results) {

    public boolean identical() {
        return archivedHash.equals(recomputedHash) && resultsIdentical;
    }
}
