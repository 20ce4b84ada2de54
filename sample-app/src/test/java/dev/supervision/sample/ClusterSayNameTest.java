package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/cluster/say-name} between two sample-app JVMs that form a cluster on loopback (each on
 * its own H2): the process is spawned on the other instance and logs its name there, the answer is
 * {@code 202} with the remote pid; an unknown node is a {@code 404} naming it, this node or a value
 * that is no node name a {@code 400}, and a node killed with kill -9 a {@code 503} naming it.
 */
class ClusterSayNameTest {

    private static final String SAY_NAME = "/api/cluster/say-name?node=";

    @Test
    void aProcessSpawnedOnTheOtherInstanceLogsItsNameThereAndBadNodesAreProblems() throws Exception {
        ClusterNodes cluster = new ClusterNodes("notes-a", "notes-b");
        String b = ClusterNodes.node("notes-b");
        try (SampleInstance first = SampleInstance.start("notes-a", cluster.properties("notes-a"), SampleInstances.READY);
                SampleInstance second = SampleInstance.start("notes-b", cluster.properties("notes-b"), SampleInstances.READY)) {
            await("notes-a sees notes-b").atMost(Duration.ofSeconds(30))
                    .until(() -> first.http().get("/actuator/health/cluster").body().contains(b));

            NotesHttp.Response spawned = first.http().post(SAY_NAME + b, "");
            assertThat(spawned.status()).as(spawned.body()).isEqualTo(202);
            assertThat(spawned.json().get("node").asString()).isEqualTo(b);
            assertThat(spawned.json().get("pid").asString()).matches("<\\d+\\.\\d+\\.\\d+>");
            String said = "I am " + b + " (spawned by notes-a@127.0.0.1)";
            await("notes-b logs its name").atMost(Duration.ofSeconds(10))
                    .until(() -> texts(second).stream().anyMatch(line -> line.contains(said)));
            assertThat(texts(first)).noneMatch(line -> line.contains("I am " + b));

            NotesHttp.Response unknown = first.http().post(SAY_NAME + "nobody@127.0.0.1", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.json().get("node").asString()).isEqualTo("nobody@127.0.0.1");
            assertThat(first.http().post(SAY_NAME + "notes-a@127.0.0.1", "").status()).isEqualTo(400);
            NotesHttp.Response garbage = first.http().post(SAY_NAME + "no-at-sign", "");
            assertThat(garbage.status()).isEqualTo(400);
            assertThat(garbage.json().get("field").asString()).isEqualTo("node");

            second.kill9();
            await("notes-b is unreachable").atMost(Duration.ofSeconds(30))
                    .until(() -> first.http().post(SAY_NAME + b, "").status() == 503);
            NotesHttp.Response down = first.http().post(SAY_NAME + b, "");
            assertThat(down.json().get("node").asString()).isEqualTo(b);
            assertThat(down.json().get("detail").asString()).contains("not reachable");
        }
    }

    private static List<String> texts(SampleInstance instance) {
        return instance.lines().stream().map(SampleInstance.Line::text).toList();
    }
}
