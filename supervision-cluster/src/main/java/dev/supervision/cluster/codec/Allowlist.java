package dev.supervision.cluster.codec;

import java.util.List;
import java.util.Set;

/**
 * The types a node decodes: the runtime's own (frames, pids, names, node events, the messages of
 * cluster singletons' managers), the plain JDK value
 * types and collections, and what the application lists (package prefixes ending in a dot, or class
 * names). Anything else is refused before its class is even loaded.
 *
 * @param packages package prefixes such as {@code com.example.orders.}
 * @param classes fully qualified class names (nested classes with {@code $})
 */
public record Allowlist(List<String> packages, Set<String> classes) {

    private static final List<String> RUNTIME_PREFIXES = List.of("dev.supervision.cluster.codec.Frame$",
            "dev.supervision.cluster.singleton.SingletonMessage$"); // what cluster singletons' managers say to each other
    private static final Set<String> RUNTIME_CLASSES = Set.of(
            "dev.supervision.process.Pid", "dev.supervision.process.ProcessName", "dev.supervision.process.RemoteName",
            "dev.supervision.process.MonitorRef", "dev.supervision.process.Cast",
            "dev.supervision.cluster.NodeUp", "dev.supervision.cluster.NodeDown",
            "dev.supervision.cluster.codec.WireReason", "dev.supervision.cluster.codec.WirePid",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Float", "java.lang.Character",
            "java.lang.String", "java.lang.Integer", "java.lang.Double", "java.lang.Boolean",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.time.Instant", "java.time.Duration",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$EmptyList",
            "java.util.Collections$SingletonList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet");

    /** Copies the lists; an entry must not be blank. */
    public Allowlist {
        packages = List.copyOf(packages);
        classes = Set.copyOf(classes);
        for (String prefix : packages) {
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("an allowlisted package must not be blank");
            }
        }
    }

    /** Only the runtime's own types. */
    public static Allowlist runtimeOnly() {
        return new Allowlist(List.of(), Set.of());
    }

    /**
     * An allowlist of entries: one ending in {@code .} or {@code .*} is a package prefix (with its
     * subpackages), any other a class name.
     */
    public static Allowlist of(List<String> entries) {
        List<String> packages = entries.stream().map(String::strip).filter(e -> e.endsWith(".") || e.endsWith(".*"))
                .map(e -> e.endsWith(".*") ? e.substring(0, e.length() - 1) : e).toList();
        Set<String> classes = Set.copyOf(entries.stream().map(String::strip)
                .filter(e -> !e.isEmpty() && !e.endsWith(".") && !e.endsWith(".*")).toList());
        return new Allowlist(packages, classes);
    }

    /** Whether a value of class {@code className} may be decoded. */
    public boolean allows(String className) {
        if (RUNTIME_CLASSES.contains(className) || classes.contains(className)) {
            return true;
        }
        for (String prefix : RUNTIME_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : packages) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
