package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbConnector;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.InsertOutcome;
import dev.supervision.sample.db.MailJob;
import dev.supervision.sample.db.NotesDatabaseProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mailers' protocol in the database, on H2 and on PostgreSQL: several connectors, each with its own
 * connection as each instance has, play mailers; a mailer that "crashes" simply stops calling, its claims
 * left as a kill -9 leaves them.
 */
class MailProtocolTest {

    private static final Duration LEASE = Duration.ofMillis(300);

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrentMailersSendEveryNoteOnceAndAll(String database) throws Exception {
        List<ProcessRef> connectors = connectors(database, 4);
        List<Long> ids = insertNotes(connectors.getFirst(), 300);
        Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
        List<Thread> mailers = new ArrayList<>();
        for (int m = 0; m < connectors.size(); m++) {
            ProcessRef connector = connectors.get(m);
            String owner = "instance-" + m;
            mailers.add(Thread.ofVirtual().start(() -> {
                String token = UUID.randomUUID().toString();
                List<MailJob> jobs;
                do {
                    jobs = runtime.call(connector, new DbRequest.ClaimMail(owner, token, 7, Duration.ofSeconds(30)));
                    for (MailJob job : jobs) {
                        if (runtime.call(connector, new DbRequest.StartSending(job.note().id(), token))) {
                            sends.computeIfAbsent(job.note().id(), id -> new AtomicInteger()).incrementAndGet();
                            runtime.call(connector, new DbRequest.RecordSent(job.note().id(), owner));
                        }
                    }
                } while (!jobs.isEmpty());
            }));
        }
        for (Thread mailer : mailers) {
            assertThat(mailer.join(Duration.ofSeconds(60))).as("mailer finished").isTrue();
        }
        assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sends.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey))
                .as("notes sent more than once").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimOfAMailerThatStoppedBeforeSendingIsTakenOverAfterTheLeaseAsAFirstMail(String database) {
        ClaimedNote claimed = noteClaimedByA(database);
        ProcessRef connector = claimed.connector();
        // a's JVM dies here: claimed, not started

        assertThat(claim(connector, "b", "b-1")).as("within the lease").isEmpty();
        List<MailJob> taken = await().until(() -> claim(connector, "b", "b-1"), jobs -> !jobs.isEmpty());
        assertThat(taken).singleElement().satisfies(job -> {
            assertThat(job.note().id()).isEqualTo(claimed.id());
            assertThat(job.resend()).as("a never started it: not a re-send").isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimOfAMailerThatStoppedWhileSendingIsTakenOverAsAResendWithTheSameMessageId(String database) {
        ProcessRef connector = connectors(database, 1).getFirst();
        insertNotes(connector, 1);
        MailJob first = claim(connector, "a", "a-1").getFirst();
        assertThat(runtime.call(connector, new DbRequest.StartSending(first.note().id(), "a-1"))).isTrue();
        // a's JVM dies here: started, perhaps sent, not recorded

        MailJob again = await().until(() -> claim(connector, "b", "b-1"), jobs -> !jobs.isEmpty()).getFirst();
        assertThat(again.resend()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theNextMailerOfTheSameInstanceAdoptsItsClaimsAtOnce(String database) {
        ClaimedNote claimed = noteClaimedByA(database);
        // a's mailer crashed and its supervisor started a new one, with a new token
        assertThat(claim(claimed.connector(), "a", "a-2", Duration.ofHours(1))).extracting(job -> job.note().id())
                .containsExactly(claimed.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMailerWhoseClaimWasTakenOverDoesNotSend(String database) {
        ClaimedNote claimed = noteClaimedByA(database);
        ProcessRef connector = claimed.connector();
        // a is paused past its lease; b takes over and sends
        await().until(() -> claim(connector, "b", "b-1"), jobs -> !jobs.isEmpty());
        assertThat(runtime.call(connector, new DbRequest.StartSending(claimed.id(), "b-1"))).isTrue();

        assertThat(runtime.call(connector, new DbRequest.StartSending(claimed.id(), "a-1")))
                .as("a resumes: fenced off").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNoteRecordedSentIsNeverClaimedAgainAndIsRecordedOnce(String database) {
        ClaimedNote claimed = noteClaimedByA(database);
        ProcessRef connector = claimed.connector();
        long id = claimed.id();
        runtime.call(connector, new DbRequest.StartSending(id, "a-1"));
        assertThat(runtime.call(connector, new DbRequest.RecordSent(id, "a"))).isTrue();
        assertThat(runtime.call(connector, new DbRequest.RecordSent(id, "b"))).as("a second record").isFalse();

        await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(4))
                .until(() -> claim(connector, "b", "b-1").isEmpty() && claim(connector, "a", "a-2").isEmpty());
        assertThat(runtime.call(connector, new DbRequest.StartSending(id, "a-1"))).isFalse();
    }

    /** A connector, and a note mailer "a" claimed with token "a-1". */
    private record ClaimedNote(ProcessRef connector, long id) {
    }

    private ClaimedNote noteClaimedByA(String database) {
        ProcessRef connector = connectors(database, 1).getFirst();
        long id = insertNotes(connector, 1).getFirst();
        assertThat(claim(connector, "a", "a-1")).extracting(job -> job.note().id()).containsExactly(id);
        return new ClaimedNote(connector, id);
    }

    private List<MailJob> claim(ProcessRef connector, String owner, String token) {
        return claim(connector, owner, token, LEASE);
    }

    private List<MailJob> claim(ProcessRef connector, String owner, String token, Duration lease) {
        return runtime.call(connector, new DbRequest.ClaimMail(owner, token, 10, lease));
    }

    /** {@code count} connectors on one fresh database, each with its own connection. */
    private List<ProcessRef> connectors(String database, int count) {
        NotesDatabaseProperties properties = new NotesDatabaseProperties();
        if (database.equals("postgres")) {
            PostgresServer server = PostgresDrillSupport.server();
            properties.setUrl(server.connectorUrl());
            properties.setUsername("postgres");
            properties.setPassword("postgres");
        } else {
            properties.setUrl("jdbc:h2:mem:mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        List<ProcessRef> connectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "connector-" + i;
            GenServers.start(runtime, new DbConnector(properties), null, StartOptions.named(name)).orThrow();
            connectors.add(ProcessRef.named(name));
        }
        if (database.equals("postgres")) {
            try {
                PostgresDrillSupport.truncate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return connectors;
    }

    private List<Long> insertNotes(ProcessRef connector, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InsertOutcome outcome = runtime.call(connector,
                    new DbRequest.InsertNote("mail " + i, null, Instant.now().plusSeconds(5)));
            ids.add(((InsertOutcome.Inserted) outcome).note().id());
        }
        return ids;
    }
}
