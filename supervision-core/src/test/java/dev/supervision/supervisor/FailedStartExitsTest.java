package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching the EXIT of a failed start's process back to its child. */
class FailedStartExitsTest {

    private final FailedStartExits exits = new FailedStartExits();
    private final ChildTable table = new ChildTable();
    private final Child first = table.add(ChildSpec.of("first", args -> new StartResult.Ignored()), "first", List.of());
    private final Child second = table.add(ChildSpec.of("second", args -> new StartResult.Ignored()), "second", List.of());

    private static ExitMessage exit(long serial, ExitReason reason) {
        return new ExitMessage(new Pid(0, serial, 0), reason);
    }

    @Test
    void anExitWithTheReasonOfTheOldestUnsettledFailedStartIsThatStartsChild() {
        exits.expect(first, ExitReason.KILLED);
        exits.expect(second, ExitReason.KILLED);
        assertThat(exits.claim(exit(1, ExitReason.of("other")))).isEmpty();
        assertThat(exits.claim(exit(2, ExitReason.KILLED))).contains(first);
        assertThat(exits.claim(exit(3, ExitReason.KILLED))).contains(second);
        assertThat(exits.claim(exit(4, ExitReason.KILLED))).isEmpty();
    }

    @Test
    void aSettledStartExpectsNothingMore() {
        StartSettled settled = exits.expect(first, ExitReason.KILLED); // a start that spawned no process
        exits.expect(second, ExitReason.KILLED);
        exits.settle(settled);
        assertThat(exits.claim(exit(1, ExitReason.KILLED))).contains(second);
    }
}
