package dev.supervision.boot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.cluster.singleton.SingletonPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the configured choice becomes the cluster module's policy: a majority counts the expected members and this node. */
class SingletonPolicyCountTest {

    private static SingletonPolicy majority(String self, String... members) {
        return ClusterSingletonChildren.policy(new SingletonPolicyChoice.Majority(List.of(members)), self);
    }

    @Test
    void aMajorityOfThreeListedMembersNeedsTwo() {
        assertThat(majority("a@h", "a@h", "b@h", "c@h")).isEqualTo(SingletonPolicy.majorityOf(3));
        assertThat(majority("a@h", "a@h", "b@h", "c@h").allows(1)).isFalse();
        assertThat(majority("a@h", "a@h", "b@h", "c@h").allows(2)).isTrue();
    }

    @Test
    void thisNodeCountsWhetherListedOrNot() {
        assertThat(majority("a@h", "b@h", "c@h")).as("the others listed only").isEqualTo(SingletonPolicy.majorityOf(3));
        assertThat(majority("a@h", "a@h", "a@h", "b@h")).as("a name listed twice counts once")
                .isEqualTo(SingletonPolicy.majorityOf(2));
    }

    @Test
    void aMajorityOfTwoNeedsBoth() {
        assertThat(majority("a@h", "a@h", "b@h").minimumMembers()).isEqualTo(2);
    }

    @Test
    void theOtherChoicesKeepTheirMeaning() {
        assertThat(ClusterSingletonChildren.policy(new SingletonPolicyChoice.OldestPerSide(), "a@h"))
                .isEqualTo(SingletonPolicy.oldestPerSide());
        assertThat(ClusterSingletonChildren.policy(new SingletonPolicyChoice.MinimumMembers(2), "a@h"))
                .isEqualTo(SingletonPolicy.minimumMembers(2));
    }

    @Test
    void aMajorityOfNoMembersCannotExist() {
        assertThatThrownBy(() -> new SingletonPolicyChoice.Majority(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supervision.cluster.expected-members");
    }
}
