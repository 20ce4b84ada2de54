package dev.supervision.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node joins its cluster. Start from {@link #of(String, String)} and refine with the
 * {@code with*} methods; every instance is immutable.
 *
 * @param node this node's name, {@code name@host}
 * @param cluster the cluster's name: nodes join only clusters of the same name
 * @param bindAddress the address the transport listens on ({@code 127.0.0.1} by default)
 * @param port the transport's port (0: a free one)
 * @param initialHosts {@code host[port]} of members to find at start (TCPPING); empty with DNS discovery
 * @param dnsQuery the DNS name whose A records are the members (DNS_PING, e.g. a Kubernetes headless
 *     service), or null
 * @param secret the cluster's shared secret (Erlang's cookie), or null
 * @param tls mutual TLS on the transport, or null
 * @param allowedTypes what application types this node decodes: package prefixes ending in {@code .}
 *     or class names
 * @param failureDetection how long a hung member takes to be seen down, and a partition to heal
 */
public record ClusterConfig(String node, String cluster, String bindAddress, int port, List<String> initialHosts,
        String dnsQuery, String secret, TlsConfig tls, List<String> allowedTypes, FailureDetection failureDetection) {

    /** The property that holds the secret, as errors name it. */
    public static final String SECRET_PROPERTY = "supervision.cluster.secret";
    /** The property that holds the TLS key store, as errors name it. */
    public static final String TLS_PROPERTY = "supervision.cluster.tls.key-store";

    /** Validates and copies. */
    public ClusterConfig {
        if (node == null || !node.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("a node name is name@host, not '" + node + "'");
        }
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("a cluster name must not be blank");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        initialHosts = List.copyOf(initialHosts);
        allowedTypes = List.copyOf(allowedTypes);
        Objects.requireNonNull(failureDetection, "failureDetection");
        if (secret != null && secret.length() < 8) {
            throw new IllegalArgumentException(SECRET_PROPERTY + " must have at least 8 characters");
        }
    }

    /**
     * Node {@code node} of cluster {@code cluster}, on loopback, a free port, no peers, no secret, the
     * default failure detection.
     */
    public static ClusterConfig of(String node, String cluster) {
        return new ClusterConfig(node, cluster, "127.0.0.1", 0, List.of(), null, null, null, List.of(),
                FailureDetection.defaults());
    }

    /** With another bind address and port. */
    public ClusterConfig withBind(String address, int newPort) {
        return new ClusterConfig(node, cluster, address, newPort, initialHosts, dnsQuery, secret, tls, allowedTypes, failureDetection);
    }

    /** With TCPPING discovery of {@code hosts}, each {@code host[port]}. */
    public ClusterConfig withInitialHosts(List<String> hosts) {
        return new ClusterConfig(node, cluster, bindAddress, port, hosts, dnsQuery, secret, tls, allowedTypes, failureDetection);
    }

    /** With DNS_PING discovery of the A records of {@code query}. */
    public ClusterConfig withDnsQuery(String query) {
        return new ClusterConfig(node, cluster, bindAddress, port, initialHosts, query, secret, tls, allowedTypes, failureDetection);
    }

    /** With the cluster's shared secret: only members that hold it can join, read or send. */
    public ClusterConfig withSecret(String newSecret) {
        return new ClusterConfig(node, cluster, bindAddress, port, initialHosts, dnsQuery, newSecret, tls, allowedTypes, failureDetection);
    }

    /** With mutual TLS on the transport. */
    public ClusterConfig withTls(TlsConfig newTls) {
        return new ClusterConfig(node, cluster, bindAddress, port, initialHosts, dnsQuery, secret, newTls, allowedTypes, failureDetection);
    }

    /** With the application types this node decodes (package prefixes ending in {@code .}, or class names). */
    public ClusterConfig withAllowedTypes(List<String> types) {
        return new ClusterConfig(node, cluster, bindAddress, port, initialHosts, dnsQuery, secret, tls, types, failureDetection);
    }

    /** With other failure-detection settings (heartbeat timeout and interval, merge interval). */
    public ClusterConfig withFailureDetection(FailureDetection newFailureDetection) {
        return new ClusterConfig(node, cluster, bindAddress, port, initialHosts, dnsQuery, secret, tls, allowedTypes,
                newFailureDetection);
    }

    /** The secret, if set. */
    public Optional<String> secretIfAny() {
        return Optional.ofNullable(secret);
    }

    /**
     * Refuses a configuration that would let anybody join: a node bound to an address other than
     * loopback must have a secret or TLS.
     *
     * @throws IllegalStateException naming the property to set
     */
    public void requireSecure() {
        if (secret != null || tls != null) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve the bind address '" + bindAddress + "'", e);
        }
        if (!loopback) {
            throw new IllegalStateException("node " + node + " binds to " + bindAddress
                    + ", which is not loopback, without a secret or TLS: anybody could join the cluster. Set "
                    + SECRET_PROPERTY + " (the cluster's shared secret) or " + TLS_PROPERTY + " (mutual TLS)");
        }
    }

    /**
     * Mutual TLS on the transport: this node's key and the trusted CA, both in PKCS12 stores.
     *
     * @param keyStore path of the store with this node's key and certificate
     * @param keyStorePassword its password
     * @param trustStore path of the store with the cluster CA's certificate
     * @param trustStorePassword its password
     */
    public record TlsConfig(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {
        /** Requires every part. */
        public TlsConfig {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(keyStorePassword, "keyStorePassword");
            Objects.requireNonNull(trustStore, "trustStore");
            Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        }
    }
}
