package dev.supervision.boot;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** @GenServer beans for the starter's tests, with a journal of what happened to them. */
public final class TestGenServers {

    private TestGenServers() {
    }

    /** What the test servers did, in order. */
    public static final class Journal {
        public final List<String> lines = new CopyOnWriteArrayList<>();
        public final AtomicInteger instances = new AtomicInteger();
    }

    /** Asks a server who it is: its instance number. */
    public record Who() {
    }

    /** A journaling server; each instance has its own number. */
    abstract static class Journaling implements GenServerBehaviour<Integer> {
        final Journal journal;
        final int instance;
        final String label;

        Journaling(Journal journal, String label) {
            this.journal = journal;
            this.instance = journal.instances.incrementAndGet();
            this.label = label;
        }

        @Override
        public Init<Integer> init(Object arg) {
            ProcessRuntime.current().trapExit(true);
            journal.lines.add("start " + label + (arg == null ? "" : " " + arg));
            return Init.ok(instance);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer state) {
            return new Reply<>(state, state);
        }

        @Override
        public void terminate(ExitReason reason, Integer state) {
            journal.lines.add("stop " + label + " " + reason);
        }
    }

    /** Registered as dbconnector; gets the journal by constructor injection. */
    @GenServer(value = "connector", name = "dbconnector")
    public static class Connector extends Journaling {
        public Connector(Journal journal) {
            super(journal, "connector");
        }
    }

    /** Not registered. */
    @GenServer("mailer")
    public static class Mailer extends Journaling {
        public Mailer(Journal journal) {
            super(journal, "mailer");
        }
    }

    /** The journal bean. */
    @Configuration(proxyBeanMethods = false)
    public static class JournalConfiguration {
        @Bean
        Journal journal() {
            return new Journal();
        }
    }

    /** A journal and both servers, as user configuration. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import({JournalConfiguration.class, Connector.class, Mailer.class})
    public static class BothServers {
    }

    /** A journal and the connector only. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import({JournalConfiguration.class, Connector.class})
    public static class ConnectorOnly {
    }
}
