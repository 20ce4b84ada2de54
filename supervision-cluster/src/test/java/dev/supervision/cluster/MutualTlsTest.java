package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ProcessRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS on the transport, with no secret: two nodes whose certificates the cluster CA signed
 * join; a node whose certificate another CA signed never does. The CAs and certificates are made here,
 * with the JDK's keytool, in a temporary directory (no key is ever committed).
 */
class MutualTlsTest {

    private static final String PASSWORD = "test-store-password";

    @TempDir
    Path dir;

    @Test
    void onlyNodesWithACertificateFromTheClusterCaJoin() throws Exception {
        ClusterConfig.TlsConfig a = nodeCertificate("ca", "a");
        ClusterConfig.TlsConfig b = nodeCertificate("ca", "b");
        ClusterConfig.TlsConfig outsider = nodeCertificate("other-ca", "outsider");
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        int portC = FreePorts.next();
        List<String> hosts = List.of("127.0.0.1[" + portA + "]", "127.0.0.1[" + portB + "]", "127.0.0.1[" + portC + "]");
        try (ProcessRuntime ra = ProcessRuntime.create(); ProcessRuntime rb = ProcessRuntime.create();
                ProcessRuntime rc = ProcessRuntime.create()) {
            ClusterNode nodeA = ClusterNode.start(ra, config("a@localhost", portA, hosts, a));
            ClusterNode nodeB = ClusterNode.start(rb, config("b@localhost", portB, hosts, b));
            ClusterNode nodeC = ClusterNode.start(rc, config("c@localhost", portC, hosts, outsider));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.nodes().equals(List.of("b@localhost")));
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                        .until(() -> nodeA.nodes().equals(List.of("b@localhost")) && nodeC.nodes().isEmpty());
                assertThat(nodeB.nodes()).containsExactly("a@localhost");
            } finally {
                nodeC.close();
                nodeB.close();
                nodeA.close();
            }
        }
    }

    private static ClusterConfig config(String name, int port, List<String> hosts, ClusterConfig.TlsConfig tls) {
        return ClusterConfig.of(name, "tls-cluster").withBind("127.0.0.1", port).withInitialHosts(hosts).withTls(tls);
    }

    /** A key store with a node key signed by {@code ca} (made on first use), and a trust store with that CA. */
    private ClusterConfig.TlsConfig nodeCertificate(String ca, String node) throws Exception {
        Path caStore = dir.resolve(ca + ".p12");
        Path caCert = dir.resolve(ca + ".pem");
        Path trust = dir.resolve(ca + "-trust.p12");
        if (!caStore.toFile().exists()) {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + ca,
                    "-ext", "bc:c", "-validity", "2", "-keystore", caStore.toString(), "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASSWORD,
                    "-file", caCert.toString());
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore", trust.toString(),
                    "-storepass", PASSWORD);
        }
        Path store = dir.resolve(node + ".p12");
        Path request = dir.resolve(node + ".csr");
        Path cert = dir.resolve(node + ".pem");
        keytool("-genkeypair", "-alias", node, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + node,
                "-validity", "2", "-keystore", store.toString(), "-storepass", PASSWORD);
        keytool("-certreq", "-alias", node, "-keystore", store.toString(), "-storepass", PASSWORD, "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASSWORD,
                "-infile", request.toString(), "-outfile", cert.toString(), "-validity", "2",
                "-ext", "eku=serverAuth,clientAuth", "-ext", "san=ip:127.0.0.1");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore", store.toString(),
                "-storepass", PASSWORD);
        keytool("-importcert", "-alias", node, "-file", cert.toString(), "-keystore", store.toString(), "-storepass", PASSWORD);
        return new ClusterConfig.TlsConfig(store.toString(), PASSWORD, trust.toString(), PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
