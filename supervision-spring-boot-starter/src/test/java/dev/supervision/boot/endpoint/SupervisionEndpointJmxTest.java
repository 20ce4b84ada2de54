package dev.supervision.boot.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.WebTestApplication;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The endpoint itself, with no web extension: the tree, one process and a kill through the platform
 * MBean server, as a JMX console would do it.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=supervision",
            "management.endpoint.supervision.access=unrestricted",
            "supervision.on-root-failure=stay-up",
            "supervision.node-name=jmx-node",
            "supervision.supervisors.root.intensity=10",
            "supervision.supervisors.root.children[0].supervisor=db",
            "supervision.supervisors.db.children[0].bean=connector"
        })
@DirtiesContext
class SupervisionEndpointJmxTest {

    private static final String[] ONE_STRING = {String.class.getName()};
    private static final String[] THREE_STRINGS = {String.class.getName(), String.class.getName(),
            String.class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Autowired
    ProcessRuntime runtime;

    private static ObjectName endpoint() throws Exception {
        return new ObjectName("org.springframework.boot:type=Endpoint,name=Supervision");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void theMBeanOffersTheThreeOperations() throws Exception {
        assertThat(server.getMBeanInfo(endpoint()).getOperations()).extracting(MBeanOperationInfo::getName)
                .containsExactlyInAnyOrder("tree", "process", "signal");
    }

    @Test
    void readsTheTree() throws Exception {
        Map<String, Object> tree = map(server.invoke(endpoint(), "tree", new Object[0], new String[0]));
        assertThat(tree.get("node")).isEqualTo("jmx-node");
        Map<String, Object> root = map(tree.get("root"));
        assertThat(root.get("id")).isEqualTo("root");
        Map<String, Object> db = map(list(root.get("children")).getFirst());
        Map<String, Object> connector = map(list(db.get("children")).getFirst());
        assertThat(connector.get("name")).isEqualTo("dbconnector");
        assertThat(connector.get("pid")).isEqualTo(runtime.whereis("dbconnector").orElseThrow().toString());
    }

    @Test
    void readsOneProcessByPathAndNothingForAnUnknownOne() throws Exception {
        Map<String, Object> connector = map(server.invoke(endpoint(), "process", new Object[] {"db/connector"}, ONE_STRING));
        assertThat(connector.get("pid")).isEqualTo(runtime.whereis("dbconnector").orElseThrow().toString());
        assertThat(map(connector.get("details")).get("links")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
        assertThat(server.invoke(endpoint(), "process", new Object[] {"nobody"}, ONE_STRING)).isNull();
    }

    @Test
    void killsAProcessAndItsSupervisorRestartsIt() throws Exception {
        Pid before = runtime.whereis("dbconnector").orElseThrow();
        Map<String, Object> sent = map(server.invoke(endpoint(), "signal", new Object[] {"dbconnector", "kill", null},
                THREE_STRINGS));
        assertThat(sent).containsEntry("target", "dbconnector").containsEntry("pid", before.toString())
                .containsEntry("signal", "kill");
        await().until(() -> runtime.whereis("dbconnector").filter(pid -> !pid.equals(before)).isPresent());
        assertThat(runtime.isAlive(before)).isFalse();
    }

    @Test
    void anUnknownSignalIsRefusedAndKillsNothing() throws Exception {
        Pid before = runtime.whereis("dbconnector").orElseThrow();
        assertThatExceptionOfType(ReflectionException.class)
                .isThrownBy(() -> server.invoke(endpoint(), "signal", new Object[] {"dbconnector", "explode", null},
                        THREE_STRINGS))
                .havingCause().isInstanceOf(IllegalArgumentException.class).withMessageContaining("explode");
        assertThat(runtime.isAlive(before)).isTrue();
    }
}
