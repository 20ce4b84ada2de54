package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.boot.autoconfigure.SupervisionProperties.ChildProperties;
import dev.supervision.boot.autoconfigure.SupervisionProperties.SingletonPolicyName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.env.PropertyResolver;

/**
 * Reads a child's {@code singleton}, {@code singleton-policy} and {@code singleton-min-members},
 * strictly: a policy setting on a child that says nothing of {@code singleton} (a stray or misplaced
 * key), a count the policy does not use, a missing or non-positive count each fail naming the key and
 * the value as written. {@code majority} is a majority of {@code supervision.cluster.expected-members}
 * (every listed node hosts the singleton; this node counts whether listed or not), so it fails naming
 * both keys when no member is configured. A child that says
 * {@code singleton: false} may keep its policy, so that one switch (such as
 * {@code singleton: ${supervision.cluster.enabled:false}}) turns it on and off.
 */
final class SingletonSettings {

    static final String EXPECTED_MEMBERS = "supervision.cluster.expected-members";

    private final PropertyResolver written;
    private final List<String> expectedMembers;

    /**
     * Settings read with {@code written} for the values as the configuration wrote them; the
     * {@code majority} policy counts {@code expectedMembers} (as bound, checked by the cluster's own
     * configuration).
     */
    SingletonSettings(PropertyResolver written, List<String> expectedMembers) {
        this.written = written;
        this.expectedMembers = expectedMembers.stream().filter(Objects::nonNull).map(String::trim)
                .filter(member -> !member.isEmpty()).toList();
    }

    /** The policy of the child at {@code key}, or empty when it is no singleton. */
    Optional<SingletonPolicyChoice> policy(ChildProperties props, String key) {
        if (!props.isSingleton() && written.containsProperty(key + ".singleton")) {
            return Optional.empty();
        }
        if (!props.isSingleton()) {
            refuseWithoutSingleton(key, "singleton-policy", props.getSingletonPolicy());
            refuseWithoutSingleton(key, "singleton-min-members", props.getSingletonMinMembers());
            return Optional.empty();
        }
        SingletonPolicyName name = props.getSingletonPolicy();
        if (name == null) {
            name = props.getSingletonMinMembers() != null ? SingletonPolicyName.MINIMUM_MEMBERS : SingletonPolicyName.MAJORITY;
        }
        return Optional.of(switch (name) {
            case MAJORITY -> {
                refuseUnused(key, "singleton-min-members", props.getSingletonMinMembers(), "majority");
                yield majority(key, props.getSingletonPolicy() == null);
            }
            case OLDEST_PER_SIDE -> {
                refuseUnused(key, "singleton-min-members", props.getSingletonMinMembers(), "oldest-per-side");
                yield new SingletonPolicyChoice.OldestPerSide();
            }
            case MINIMUM_MEMBERS -> {
                yield new SingletonPolicyChoice.MinimumMembers(count(key, "singleton-min-members",
                        props.getSingletonMinMembers(), "the minimum-members policy needs its quorum"));
            }
        });
    }

    private SingletonPolicyChoice.Majority majority(String childKey, boolean byDefault) {
        if (expectedMembers.isEmpty()) {
            String policyKey = childKey + ".singleton-policy";
            throw new InvalidSupervisionConfigurationException(EXPECTED_MEMBERS, "(not set)",
                    (byDefault ? policyKey + " is majority by default" : policyKey + "=majority")
                            + ", a majority of the configured members, and none are configured",
                    "set " + EXPECTED_MEMBERS + " to every node that runs the application (name@host, this one"
                            + " included), or set " + policyKey + " to oldest-per-side or minimum-members");
        }
        return new SingletonPolicyChoice.Majority(expectedMembers);
    }

    private int count(String childKey, String name, Integer value, String missing) {
        String key = childKey + "." + name;
        if (value == null) {
            throw new InvalidSupervisionConfigurationException(key, "(not set)", missing,
                    "set " + key + " to 1 or more, or choose another " + childKey + ".singleton-policy");
        }
        if (value < 1) {
            throw new InvalidSupervisionConfigurationException(key, written(key, value), "must be 1 or more",
                    "count instances of the application, this one included");
        }
        return value;
    }

    private void refuseWithoutSingleton(String childKey, String name, Object value) {
        if (value != null) {
            String key = childKey + "." + name;
            throw new InvalidSupervisionConfigurationException(key, written(key, value), "the child says nothing of 'singleton'",
                    "set " + childKey + ".singleton=true, or remove " + key);
        }
    }

    private void refuseUnused(String childKey, String name, Object value, String policy) {
        if (value != null) {
            String key = childKey + "." + name;
            throw new InvalidSupervisionConfigurationException(key, written(key, value),
                    "the " + policy + " policy does not use it", "remove " + key + " or change " + childKey
                            + ".singleton-policy");
        }
    }

    private Object written(String key, Object bound) {
        return written.containsProperty(key) ? written.getProperty(key) : bound;
    }
}
