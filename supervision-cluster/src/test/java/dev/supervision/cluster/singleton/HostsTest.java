package dev.supervision.cluster.singleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.cluster.singleton.SingletonMessage.Status;
import dev.supervision.process.Pid;
import org.junit.jupiter.api.Test;

/** The owner rule and the policies, on what one manager knows of the other hosts. */
class HostsTest {

    private static Status status(String node, long seniority, int serial, boolean running) {
        return new Status("billing", node, seniority, new Pid(serial, serial, 0), running);
    }

    @Test
    void theSmallestSeniorityOwnsItAndNamesBreakTies() {
        Hosts hosts = new Hosts();
        Status self = status("b@h", 100, 1, false);
        hosts.update(status("c@h", 100, 2, false), 0);
        assertThat(hosts.owner(self, SingletonPolicy.oldestPerSide())).contains("b@h");
        hosts.update(status("a@h", 300, 3, false), 0);
        assertThat(hosts.owner(self, SingletonPolicy.oldestPerSide())).contains("b@h");
        hosts.update(status("a@h", 50, 3, false), 0);
        assertThat(hosts.owner(self, SingletonPolicy.oldestPerSide())).contains("a@h");
    }

    @Test
    void aMajorityPolicyRunsNothingOnASideTooSmall() {
        Hosts hosts = new Hosts();
        Status self = status("a@h", 1, 1, false);
        SingletonPolicy majority = SingletonPolicy.majorityOf(3);
        assertThat(majority.minimumMembers()).isEqualTo(2);
        assertThat(hosts.owner(self, majority)).isEmpty();
        assertThat(hosts.allowed(majority)).isFalse();
        hosts.update(status("b@h", 2, 2, false), 0);
        assertThat(hosts.owner(self, majority)).contains("a@h");
        assertThat(SingletonPolicy.majorityOf(2).minimumMembers()).isEqualTo(2);
        assertThat(SingletonPolicy.majorityOf(4).minimumMembers()).isEqualTo(3);
    }

    @Test
    void aCrashedHostKeepsItsPlaceUntilTheReservationEnds() {
        Hosts hosts = new Hosts();
        Status self = status("b@h", 2, 1, false);
        Status crashed = status("a@h", 1, 2, true);
        hosts.update(crashed, 0);
        hosts.reserve("a@h", crashed.manager(), 1_000);
        assertThat(hosts.owner(self, SingletonPolicy.oldestPerSide())).contains("a@h");
        assertThat(hosts.othersRunning()).isFalse();
        assertThat(hosts.managers()).isEmpty();
        assertThat(hosts.expire(999)).isFalse();
        assertThat(hosts.expire(1_000)).isTrue();
        assertThat(hosts.owner(self, SingletonPolicy.oldestPerSide())).contains("b@h");
    }

    @Test
    void aReservationForAnOlderManagerIsIgnored() {
        Hosts hosts = new Hosts();
        hosts.update(status("a@h", 1, 3, false), 0);
        hosts.reserve("a@h", new Pid(2, 2, 0), 1_000);
        assertThat(hosts.managers()).containsExactly(new Pid(3, 3, 0));
    }

    @Test
    void whereItRunsIsTheMostSeniorRunningHostOrThisNode() {
        Hosts hosts = new Hosts();
        hosts.update(status("a@h", 1, 2, false), 0);
        hosts.update(status("c@h", 3, 3, true), 0);
        assertThat(hosts.running(status("b@h", 2, 1, false))).contains("c@h");
        assertThat(hosts.running(status("b@h", 2, 1, true))).contains("b@h");
        hosts.remove("c@h");
        assertThat(hosts.running(status("b@h", 2, 1, false))).isEmpty();
    }

    @Test
    void aHostIsKnownSinceItFirstAppearedUntilItIsRemoved() {
        Hosts hosts = new Hosts();
        hosts.update(status("a@h", 1, 2, false), 100);
        hosts.update(status("a@h", 1, 2, true), 200);
        assertThat(hosts.knownSince("a@h")).contains(100L);
        hosts.remove("a@h");
        hosts.update(status("a@h", 1, 2, true), 300);
        assertThat(hosts.knownSince("a@h")).contains(300L);
        assertThat(hosts.knownSince("b@h")).isEmpty();
    }

    @Test
    void badPoliciesNameWhatIsWrong() {
        assertThatThrownBy(() -> SingletonPolicy.majorityOf(0)).hasMessageContaining("'expected-members'")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> SingletonPolicy.minimumMembers(-1)).hasMessageContaining("'minimum-members'")
                .hasMessageContaining("got -1");
        assertThat(SingletonPolicy.oldestPerSide()).hasToString("oldest-per-side");
        assertThat(SingletonPolicy.minimumMembers(2)).hasToString("minimum-members=2");
    }
}
