package dev.supervision.cluster;

import java.time.Duration;
import java.util.stream.Collectors;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.MERGE3;
import org.jgroups.stack.ProtocolStack;

/**
 * The JGroups protocol stack of a node, as JGroups' XML: TCP (optionally with mutual TLS), TCPPING or
 * DNS_PING discovery, and failure detection tuned so that a killed member is seen at once and a hung
 * one within about the heartbeat timeout. A closed connection is evidence enough, as in Erlang: FD_SOCK2's
 * suspicion goes to GMS without a VERIFY_SUSPECT2 round, which would add its whole timeout to every
 * kill -9 (FD_SOCK2 here is {@link ClosedConnectionDetector}, for which a connect left unanswered is no
 * such evidence); FD_ALL3 (by default heartbeats every second, suspected after 3 s without one) guards
 * against pauses, and that silence needs no second opinion either. MERGE3 looks for other sides of a partition
 * every third of its merge interval to all of it (1-3 s by default). The three come from the
 * configuration's {@link FailureDetection}. Encryption keyed from the secret is added by {@link Security}
 * once the channel exists.
 *
 * <p>Latency: no bundler, so a frame is written to the socket by the thread that sends it, without a
 * hand-off to a bundler thread (the batching a bundler does happens above, in {@link SendQueue}, for
 * the frames that may wait). Regular messages are passed up on the connection's receiving thread
 * ({@code message_processing_policy="direct"}), without a hand-off to JGroups' thread pool (out-of-band
 * ones still go to the pool). FD_ALL3's heartbeats are regular messages: that thread reads them, and
 * FD_ALL3 takes them below everything else, so they wait for nothing but what the thread did with the
 * messages read before them. That is kept small: the thread decrypts and orders a message, then
 * handles it at once only when it is small and nothing from that member waits ({@link ReceiveLane}),
 * else queues it for a worker. Handled in full on that thread, a burst of casts kept it from reading
 * the heartbeats behind it, and FD_ALL3 suspected a live member.
 */
final class StackConfig {

    private StackConfig() {
    }

    static String xml(ClusterConfig config) {
        StringBuilder xml = new StringBuilder("<config xmlns=\"urn:org:jgroups\">\n");
        xml.append("  <TCP bind_addr=\"").append(attr(config.bindAddress())).append("\" bind_port=\"")
                .append(config.port()).append("\" port_range=\"0\" tcp_nodelay=\"true\" use_virtual_threads=\"false\"")
                .append(" bundler_type=\"no-bundler\" thread_pool.min_threads=\"2\" thread_pool.max_threads=\"64\"")
                .append(" message_processing_policy=\"direct\"")
                .append(" sock_conn_timeout=\"500\"");
        if (config.tls() != null) {
            ClusterConfig.TlsConfig tls = config.tls();
            xml.append(" tls.enabled=\"true\" tls.protocols=\"TLSv1.3\" tls.client_auth=\"NEED\"")
                    .append(" tls.keystore_path=\"").append(attr(tls.keyStore()))
                    .append("\" tls.keystore_password=\"").append(attr(tls.keyStorePassword()))
                    .append("\" tls.truststore_path=\"").append(attr(tls.trustStore()))
                    .append("\" tls.truststore_password=\"").append(attr(tls.trustStorePassword())).append('"');
        }
        xml.append("/>\n");
        if (config.dnsQuery() != null) {
            xml.append("  <dns.DNS_PING dns_query=\"").append(attr(config.dnsQuery())).append("\"/>\n");
        } else {
            String hosts = config.initialHosts().stream().map(StackConfig::attr).collect(Collectors.joining(","));
            xml.append("  <TCPPING async_discovery=\"true\" port_range=\"0\" initial_hosts=\"").append(hosts).append("\"/>\n");
        }
        FailureDetection detection = config.failureDetection();
        long merge = detection.mergeInterval().toMillis();
        xml.append("  <MERGE3 min_interval=\"").append(merge / 3).append("\" max_interval=\"").append(merge).append("\"/>\n")
                .append("  <").append(ClosedConnectionDetector.class.getName()).append("/>\n")
                .append("  <FD_ALL3 timeout=\"").append(detection.heartbeatTimeout().toMillis())
                .append("\" interval=\"").append(detection.heartbeatInterval().toMillis()).append("\"/>\n");
        xml.append("""
                  <BARRIER/>
                  <pbcast.NAKACK2 use_mcast_xmit="false"/>
                  <UNICAST3/>
                  <pbcast.STABLE desired_avg_gossip="50000" max_bytes="4M"/>
                  <pbcast.GMS print_local_addr="false" join_timeout="1000"/>
                  <UFC max_credits="4M" min_threshold="0.4"/>
                  <MFC max_credits="4M" min_threshold="0.4"/>
                  <FRAG2 frag_size="60K"/>
                </config>
                """);
        return xml.toString();
    }

    /** The failure detection {@code stack} runs with, read from its FD_ALL3 and MERGE3. */
    static FailureDetection running(ProtocolStack stack) {
        FD_ALL3 heartbeats = stack.findProtocol(FD_ALL3.class);
        MERGE3 merge = stack.findProtocol(MERGE3.class);
        return new FailureDetection(Duration.ofMillis(heartbeats.getTimeout()), Duration.ofMillis(heartbeats.getInterval()),
                Duration.ofMillis(merge.getMaxInterval()));
    }

    private static String attr(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
