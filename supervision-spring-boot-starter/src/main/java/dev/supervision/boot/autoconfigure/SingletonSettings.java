package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.boot.autoconfigure.SupervisionProperties.ChildProperties;
import dev.supervision.boot.autoconfigure.SupervisionProperties.SingletonPolicyName;
import java.util.Optional;
import org.springframework.core.env.PropertyResolver;

/**
 * Reads a child's {@code singleton}, {@code singleton-policy}, {@code singleton-hosts} and
 * {@code singleton-min-members}, strictly: a policy setting on a child that says nothing of
 * {@code singleton} (a stray or misplaced key), a count the policy does not use, a missing or
 * non-positive count each fail naming the key and the value as written. A child that says
 * {@code singleton: false} may keep its policy, so that one switch (such as
 * {@code singleton: ${supervision.cluster.enabled:false}}) turns it on and off.
 */
final class SingletonSettings {

    private final PropertyResolver written;

    /** Settings read with {@code written} for the values as the configuration wrote them. */
    SingletonSettings(PropertyResolver written) {
        this.written = written;
    }

    /** The policy of the child at {@code key}, or empty when it is no singleton. */
    Optional<SingletonPolicyChoice> policy(ChildProperties props, String key) {
        if (!props.isSingleton() && written.containsProperty(key + ".singleton")) {
            return Optional.empty();
        }
        if (!props.isSingleton()) {
            refuseWithoutSingleton(key, "singleton-policy", props.getSingletonPolicy());
            refuseWithoutSingleton(key, "singleton-hosts", props.getSingletonHosts());
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
                yield new SingletonPolicyChoice.Majority(count(key, "singleton-hosts", props.getSingletonHosts(),
                        "the majority policy needs the number of instances that host the singleton"));
            }
            case OLDEST_PER_SIDE -> {
                refuseUnused(key, "singleton-hosts", props.getSingletonHosts(), "oldest-per-side");
                refuseUnused(key, "singleton-min-members", props.getSingletonMinMembers(), "oldest-per-side");
                yield new SingletonPolicyChoice.OldestPerSide();
            }
            case MINIMUM_MEMBERS -> {
                refuseUnused(key, "singleton-hosts", props.getSingletonHosts(), "minimum-members");
                yield new SingletonPolicyChoice.MinimumMembers(count(key, "singleton-min-members",
                        props.getSingletonMinMembers(), "the minimum-members policy needs its quorum"));
            }
        });
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
