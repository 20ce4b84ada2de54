package dev.supervision.boot.autoconfigure.cluster;

import dev.supervision.boot.autoconfigure.ClusterProperties;
import dev.supervision.boot.autoconfigure.InvalidSupervisionConfigurationException;
import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.FailureDetection;
import dev.supervision.cluster.FailureDetection.InvalidSettingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Turns {@code supervision.cluster.*} into a {@link ClusterConfig}, checking every value first: each
 * failure names the exact key and the value as written (a secret or a password is never shown, only
 * its length), and {@link ClusterConfig#requireSecure()}'s rule is reported under
 * {@code supervision.cluster.secret}.
 */
final class ClusterConfigFactory {

    static final String PREFIX = "supervision.cluster.";

    private static final Pattern NODE_NAME = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern BRACKETS = Pattern.compile("([^\\[\\]\\s]+)\\[(\\d{1,5})]");
    private static final Pattern COLON = Pattern.compile("([^\\[\\]\\s:]+):(\\d{1,5})");
    private static final Pattern TYPE = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*(\\.|\\.\\*)?");

    private final ClusterProperties properties;
    private final PropertyResolver written;
    private final Supplier<String> hostName;

    /**
     * A factory of {@code properties}, with {@code written} for the values as the configuration wrote
     * them and for {@code spring.application.name}, and {@code hostName} for the default node name.
     */
    ClusterConfigFactory(ClusterProperties properties, PropertyResolver written, Supplier<String> hostName) {
        this.properties = properties;
        this.written = written;
        this.hostName = hostName;
    }

    /** This machine's host name, or {@code localhost} when it has none that resolves. */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The configuration, or an {@link InvalidSupervisionConfigurationException} naming what is wrong. */
    ClusterConfig build(List<String> starterTypes) {
        String node = nodeName();
        String cluster = clusterName();
        String bind = bindAddress();
        int port = properties.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("port", port, "not a port", "use 1-65535: the other members find this node there");
        }
        if (StringUtils.hasText(properties.getDnsQuery()) && !properties.getInitialHosts().isEmpty()) {
            throw invalid("dns-query", properties.getDnsQuery(), "both dns-query and initial-hosts are set",
                    "discover members one way: remove supervision.cluster.initial-hosts or supervision.cluster.dns-query");
        }
        String secret = properties.getSecret();
        if (secret != null && secret.length() < 8) {
            throw new InvalidSupervisionConfigurationException(PREFIX + "secret", hidden(secret),
                    "a secret needs at least 8 characters", "use a long random string, e.g. from a secret store");
        }
        ClusterConfig config = ClusterConfig.of(node, cluster).withBind(bind, port).withInitialHosts(initialHosts())
                .withDnsQuery(StringUtils.hasText(properties.getDnsQuery()) ? properties.getDnsQuery().trim() : null)
                .withSecret(secret).withTls(tls()).withFailureDetection(failureDetection())
                .withAllowedTypes(Stream.concat(allowedTypes().stream(), starterTypes.stream()).toList());
        try {
            config.requireSecure();
        } catch (IllegalStateException open) {
            throw new InvalidSupervisionConfigurationException(PREFIX + "secret", "(not set)", open.getMessage(),
                    "set supervision.cluster.secret (at least 8 characters) or supervision.cluster.tls.*, or bind"
                            + " supervision.cluster.bind-address to loopback");
        }
        return config;
    }

    /** The expected members, each checked to be {@code name@host}. */
    List<String> expectedMembers() {
        List<String> members = properties.getExpectedMembers();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) == null || !NODE_NAME.matcher(members.get(i).trim()).matches()) {
                throw invalid("expected-members[" + i + "]", members.get(i), "not a node name",
                        "a node name is name@host, such as orders@host1");
            }
        }
        return members.stream().map(String::trim).toList();
    }

    /** How long another node may take to answer the endpoint; must be positive. */
    java.time.Duration remoteTimeout() {
        java.time.Duration timeout = properties.getRemoteTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw invalid("remote-timeout", timeout, "must be positive", "use a duration such as 2s or 500ms");
        }
        return timeout;
    }

    private String nodeName() {
        String given = properties.getNodeName();
        if (given != null) {
            if (!NODE_NAME.matcher(given.trim()).matches()) {
                throw invalid("node-name", given, "not a node name", "a node name is name@host, such as orders@host1");
            }
            return given.trim();
        }
        String application = written.getProperty("spring.application.name");
        if (!StringUtils.hasText(application)) {
            throw new InvalidSupervisionConfigurationException(PREFIX + "node-name", "(not set)",
                    "no node name, and no spring.application.name to make one from",
                    "set supervision.cluster.node-name (name@host, unique in the cluster) or spring.application.name");
        }
        String made = application.trim() + "@" + hostName.get();
        if (!NODE_NAME.matcher(made).matches()) {
            throw new InvalidSupervisionConfigurationException(PREFIX + "node-name", "(not set)",
                    "the default name '" + made + "' made from spring.application.name is not name@host",
                    "set supervision.cluster.node-name to name@host");
        }
        return made;
    }

    private String clusterName() {
        String given = properties.getName();
        if (given != null) {
            if (given.isBlank()) {
                throw invalid("name", given, "a cluster name must not be blank", "set the cluster's name, or remove the key");
            }
            return given.trim();
        }
        String application = written.getProperty("spring.application.name");
        return StringUtils.hasText(application) ? application.trim() : "supervision";
    }

    private String bindAddress() {
        String address = properties.getBindAddress();
        if (!StringUtils.hasText(address)) {
            throw invalid("bind-address", address, "no address", "set an IP address or a host name of this machine");
        }
        try {
            InetAddress.getByName(address.trim());
        } catch (UnknownHostException e) {
            throw invalid("bind-address", address, "the address does not resolve", "set an IP address of this machine");
        }
        return address.trim();
    }

    private List<String> initialHosts() {
        List<String> hosts = new ArrayList<>();
        List<String> given = properties.getInitialHosts();
        for (int i = 0; i < given.size(); i++) {
            String host = given.get(i) == null ? "" : given.get(i).trim();
            Matcher matcher = BRACKETS.matcher(host);
            if (!matcher.matches()) {
                matcher = COLON.matcher(host);
            }
            int port = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw invalid("initial-hosts[" + i + "]", given.get(i), "not host[port] or host:port",
                        "list members as host[port] or host:port, such as 10.0.0.5[7800] or app2.internal:7800");
            }
            hosts.add(matcher.group(1) + "[" + port + "]");
        }
        return hosts;
    }

    private List<String> allowedTypes() {
        List<String> types = properties.getAllowedTypes();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i) == null ? "" : types.get(i).trim();
            if (!TYPE.matcher(type).matches()) {
                throw invalid("allowed-types[" + i + "]", types.get(i), "not a package prefix or a class name",
                        "list a package prefix ending in '.' (com.example.orders.) or a class name (com.example.Order)");
            }
        }
        return types.stream().map(String::trim).toList();
    }

    private FailureDetection failureDetection() {
        ClusterProperties.FailureDetection given = properties.getFailureDetection();
        try {
            return new FailureDetection(given.getTimeout(), given.getInterval(), given.getMergeInterval());
        } catch (InvalidSettingException refused) {
            throw switch (refused.setting()) {
                case HEARTBEAT_TIMEOUT -> invalid("failure-detection.timeout", given.getTimeout(), refused.reason(),
                        "use a duration such as 3s (a bare number is seconds), longer than the longest GC pause");
                case HEARTBEAT_INTERVAL -> invalid("failure-detection.interval", given.getInterval(), refused.reason(),
                        "use a duration below supervision.cluster.failure-detection.timeout, such as a third of it");
                case MERGE_INTERVAL -> invalid("failure-detection.merge-interval", given.getMergeInterval(),
                        refused.reason(), "use a duration such as 3s (a bare number is seconds)");
            };
        }
    }

    private ClusterConfig.TlsConfig tls() {
        ClusterProperties.Tls tls = properties.getTls();
        List<String> parts = java.util.Arrays.asList(tls.getKeyStore(), tls.getKeyStorePassword(), tls.getTrustStore(),
                tls.getTrustStorePassword());
        if (parts.stream().allMatch(Objects::isNull)) {
            return null;
        }
        requireSet("tls.key-store", tls.getKeyStore());
        requireSet("tls.key-store-password", tls.getKeyStorePassword());
        requireSet("tls.trust-store", tls.getTrustStore());
        requireSet("tls.trust-store-password", tls.getTrustStorePassword());
        requireFile("tls.key-store", tls.getKeyStore());
        requireFile("tls.trust-store", tls.getTrustStore());
        return new ClusterConfig.TlsConfig(tls.getKeyStore(), tls.getKeyStorePassword(), tls.getTrustStore(),
                tls.getTrustStorePassword());
    }

    private void requireSet(String key, String value) {
        if (value == null) {
            throw new InvalidSupervisionConfigurationException(PREFIX + key, "(not set)",
                    "mutual TLS needs a key store, a trust store and both passwords",
                    "set supervision.cluster.tls.key-store, key-store-password, trust-store and trust-store-password");
        }
    }

    private void requireFile(String key, String path) {
        if (!Files.isReadable(Path.of(path))) {
            throw invalid(key, path, "no readable file there", "give the path of a PKCS12 store");
        }
    }

    private InvalidSupervisionConfigurationException invalid(String key, Object bound, String reason, String hint) {
        String full = PREFIX + key;
        Object value = written.containsProperty(full) ? written.getProperty(full) : bound;
        return new InvalidSupervisionConfigurationException(full, value, reason, hint);
    }

    /** A secret as errors show it: never its characters. */
    private static String hidden(String secret) {
        return "(hidden, " + secret.length() + " characters)";
    }
}
