package dev.supervision.sample.mail;

import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.boot.GenServer;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Result;
import dev.supervision.process.MessageRendering;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.Note;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's "process that reads some stuff and sends it out as an email": every interval it asks
 * the connector for notes not sent yet, "sends" each (a log line stands for the mail) and records it
 * in the outbox, where each note can be recorded once only. A crash between sending and recording
 * sends again but records once; the connector failing makes the mailer crash too, and its
 * {@code rest_for_one} supervisor restarts it after the connector.
 */
@GenServer(name = "mailer")
public class Mailer implements GenServerBehaviour<Integer> {

    private static final ProcessName CONNECTOR = ProcessRef.named("dbconnector");

    /** The mailer's own timer message. */
    record Tick() {
    }

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailerProperties properties;

    /** A mailer with {@code properties}. */
    public Mailer(MailerProperties properties) {
        this.properties = properties;
    }

    @Override
    public Init<Integer> init(Object arg) {
        scheduleTick();
        return Init.ok(0);
    }

    @Override
    public Result<Integer> handleInfo(Object message, Integer sent) {
        if (!(message instanceof Tick)) {
            return new NoReply<>(sent);
        }
        ProcessRuntime runtime = ProcessRuntime.current();
        List<Note> unsent = runtime.call(CONNECTOR, new DbRequest.UnsentNotes(properties.getBatch()));
        MessageRendering rendering = MessageRendering.standard();
        unsent.forEach(note -> log.info("Mail: note {} \"{}\"", note.id(), rendering.render(note.text())));
        int recorded = unsent.isEmpty() ? 0
                : runtime.call(CONNECTOR, new DbRequest.RecordSent(unsent.stream().map(Note::id).toList()));
        scheduleTick();
        return new NoReply<>(sent + recorded);
    }

    private void scheduleTick() {
        ProcessRuntime runtime = ProcessRuntime.current();
        runtime.sendAfter(properties.getInterval(), runtime.self(), new Tick());
    }
}
