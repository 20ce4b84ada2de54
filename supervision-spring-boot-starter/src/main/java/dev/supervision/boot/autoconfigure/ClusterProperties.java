package dev.supervision.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.convert.DurationUnit;

/**
 * The application as a node of a cluster, under {@code supervision.cluster.*}: off until
 * {@code enabled} is true, and then only when {@code supervision-cluster} is on the class path. Every
 * value is checked before the node starts; an error names the key and the value as written (a secret
 * is never shown).
 */
public class ClusterProperties {

    /** Whether this application joins a cluster; closed (false) until you open it. */
    private boolean enabled;

    /**
     * This node's name, name@host, unique in the cluster; defaults to spring.application.name, '@', and
     * this machine's host name.
     */
    private String nodeName;

    /** The cluster's name: only nodes of the same name join each other; defaults to spring.application.name. */
    private String name;

    /** The address the cluster transport listens on; anything but loopback needs a secret or TLS. */
    private String bindAddress = "127.0.0.1";

    /** The port the cluster transport listens on (failure detection also listens 100 above it). */
    private int port = 7800;

    /** Members to find at start, each host[port] or host:port (TCPPING discovery). */
    private List<String> initialHosts = new ArrayList<>();

    /** A DNS name whose A records are the members, e.g. a Kubernetes headless service (DNS_PING discovery). */
    private String dnsQuery;

    /** The cluster's shared secret (Erlang's cookie), at least 8 characters: it keys the encryption of every message. */
    private String secret;

    /** Mutual TLS on the cluster transport. */
    private final Tls tls = new Tls();

    /**
     * Application types this node decodes from other nodes: package prefixes ending in '.' (or '.*'), or
     * class names. The starter's own records are added by itself.
     */
    private List<String> allowedTypes = new ArrayList<>();

    /**
     * Every node that runs the application (name@host): the 'cluster' health is DOWN while one is not
     * connected, and the 'majority' singleton policy is a majority of them.
     */
    private List<String> expectedMembers = new ArrayList<>();

    /** How long the actuator waits for another node to answer (its tree, one of its processes). */
    private Duration remoteTimeout = Duration.ofSeconds(2);

    /** How long a hung member takes to be seen down, and a healed partition to merge. */
    private final FailureDetection failureDetection = new FailureDetection();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public List<String> getInitialHosts() {
        return initialHosts;
    }

    public void setInitialHosts(List<String> initialHosts) {
        this.initialHosts = initialHosts;
    }

    public String getDnsQuery() {
        return dnsQuery;
    }

    public void setDnsQuery(String dnsQuery) {
        this.dnsQuery = dnsQuery;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Tls getTls() {
        return tls;
    }

    public List<String> getAllowedTypes() {
        return allowedTypes;
    }

    public void setAllowedTypes(List<String> allowedTypes) {
        this.allowedTypes = allowedTypes;
    }

    public List<String> getExpectedMembers() {
        return expectedMembers;
    }

    public void setExpectedMembers(List<String> expectedMembers) {
        this.expectedMembers = expectedMembers;
    }

    public Duration getRemoteTimeout() {
        return remoteTimeout;
    }

    public void setRemoteTimeout(Duration remoteTimeout) {
        this.remoteTimeout = remoteTimeout;
    }

    public FailureDetection getFailureDetection() {
        return failureDetection;
    }

    /**
     * Failure detection of what closes no connection (a hung process, a GC pause, a cut network); a
     * killed node is seen at once whatever these say. Durations: '3' and '3s' both mean three seconds.
     */
    public static class FailureDetection {

        /**
         * A member silent this long is down: its singletons move, links and monitors to it fire
         * noconnection. Too short: false nodedowns under GC pauses; too long: a hung node is seen (and
         * its singletons fail over) that much later.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration timeout = Duration.ofSeconds(3);

        /** How often each member sends its heartbeat; below 'timeout', so that several fit in it. */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration interval = Duration.ofSeconds(1);

        /**
         * The longest time between two looks for other sides of a partition: a healed partition (or a
         * node that resumed after a hang) merges at a check that runs every 1.6 times it.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration mergeInterval = Duration.ofSeconds(3);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getMergeInterval() {
            return mergeInterval;
        }

        public void setMergeInterval(Duration mergeInterval) {
            this.mergeInterval = mergeInterval;
        }
    }

    /** Mutual TLS: this node's key and the cluster CA, in PKCS12 stores; set all four or none. */
    public static class Tls {

        /** Path of the PKCS12 store with this node's key and certificate. */
        private String keyStore;

        /** Password of the key store. */
        private String keyStorePassword;

        /** Path of the PKCS12 store with the cluster CA's certificate. */
        private String trustStore;

        /** Password of the trust store. */
        private String trustStorePassword;

        public String getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(String keyStore) {
            this.keyStore = keyStore;
        }

        public String getKeyStorePassword() {
            return keyStorePassword;
        }

        public void setKeyStorePassword(String keyStorePassword) {
            this.keyStorePassword = keyStorePassword;
        }

        public String getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(String trustStore) {
            this.trustStore = trustStore;
        }

        public String getTrustStorePassword() {
            return trustStorePassword;
        }

        public void setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
        }
    }
}
