package vn.hailong.aggregation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which units of a set head whole subtrees (read from their rows of the units below) and which count their own rows only. */
class SubtreesTest {

    final UUID province = UUID.randomUUID();
    final UUID department = UUID.randomUUID();
    final UUID office1 = UUID.randomUUID();
    final UUID office2 = UUID.randomUUID();
    final UUID commune = UUID.randomUUID();
    final UUID elsewhere = UUID.randomUUID();
    final Map<UUID, UUID> parents = new HashMap<>();

    SubtreesTest() {
        parents.put(province, null);
        parents.put(department, province);
        parents.put(office1, department);
        parents.put(office2, department);
        parents.put(commune, province);
        parents.put(elsewhere, null);
    }

    @Test
    void a_whole_province_is_one_root() {
        Subtrees s = Subtrees.of(parents, Set.of(province, department, office1, office2, commune));
        assertThat(s.roots()).containsExactly(province);
        assertThat(s.ownOnly()).isEmpty();
    }

    @Test
    void everything_has_one_root_per_tree() {
        Subtrees s = Subtrees.of(parents, parents.keySet());
        assertThat(s.roots()).containsExactlyInAnyOrder(province, elsewhere);
    }

    @Test
    void a_unit_with_a_unit_below_left_out_counts_its_own_rows_only() {
        Subtrees s = Subtrees.of(parents, Set.of(province, department, office1, commune));
        // office2 is missing: the department and the province are not whole; office1 and the commune are.
        assertThat(s.roots()).containsExactlyInAnyOrder(office1, commune);
        assertThat(s.ownOnly()).containsExactlyInAnyOrder(province, department);
    }

    @Test
    void leaves_alone_are_their_own_roots_and_a_cycle_is_never_whole() {
        assertThat(Subtrees.of(parents, Set.of(office1, office2)).roots()).containsExactlyInAnyOrder(office1, office2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<UUID, UUID> cyclic = Map.of(a, b, b, a);
        Subtrees s = Subtrees.of(cyclic, Set.of(a, b));
        assertThat(s.roots()).isEmpty();
        assertThat(s.ownOnly()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void under_names_the_selected_unit_as_the_root() {
        Subtrees s = Subtrees.under(department);
        assertThat(s.roots()).containsExactly(department);
        assertThat(s.ownOnly()).isEmpty();
    }
}
