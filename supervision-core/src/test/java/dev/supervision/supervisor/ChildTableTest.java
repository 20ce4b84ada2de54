package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child table: start order, lookups, and the groups a restart concerns. */
class ChildTableTest {

    private final ChildTable table = new ChildTable();
    private final Child a = add("a");
    private final Child b = add("b");
    private final Child c = add("c");

    private Child add(String id) {
        return table.add(ChildSpec.of(id, args -> new StartResult.Ignored()), id, List.of());
    }

    @Test
    void theGroupsOfARestartAreInStartOrder() {
        assertThat(table.oldestFirst()).containsExactly(a, b, c);
        assertThat(table.startedFrom(b)).containsExactly(b, c);
        assertThat(table.startedFrom(c)).containsExactly(c);
    }

    @Test
    void childrenAreFoundByIdAndByTheirBoundPidUntilRemoved() {
        Pid pid = new Pid(0, 42, 0);
        table.bind(b, pid);
        assertThat(table.withId("b")).contains(b);
        assertThat(table.withPid(pid)).contains(b);
        assertThat(table.unbind(pid)).isSameAs(b);
        assertThat(table.withPid(pid)).isEmpty();

        table.remove(b);
        assertThat(table.contains(b)).isFalse();
        assertThat(table.withId("b")).isEmpty();
        assertThat(table.newestFirst()).containsExactly(c, a);
        assertThat(table.published()).containsExactly(a, c);
    }

    @Test
    void childrenWithoutAnIdAreKnownOnlyByPid() {
        Child anonymous = table.add(ChildSpec.of("same", args -> new StartResult.Ignored()), null, List.of());
        assertThat(table.withId("same")).isEmpty();
        assertThat(table.oldestFirst()).endsWith(anonymous);
    }
}
