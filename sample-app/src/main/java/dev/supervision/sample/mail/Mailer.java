package dev.supervision.sample.mail;

import dev.supervision.boot.GenServer;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Result;
import dev.supervision.process.MessageRendering;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.MailJob;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's "process that reads some stuff and sends it out as an email", safe with a mailer on every
 * instance at once. Every interval it claims a batch of notes through the connector (claims that lapsed
 * included), and for each: marks it being sent, which fails if another mailer took the claim over; sends
 * it (a log line stands for the mail, with a Message-ID that is the same whoever sends the note); records
 * it sent. A full batch is followed by the next at once. A crash loses nothing: what this mailer claimed
 * is taken over by the next mailer of this instance at once, or by another instance's after the lease.
 * The connector failing makes the mailer crash too, and its {@code rest_for_one} supervisor restarts it
 * after the connector. It traps exits, so a stop by its supervisor (or, as a cluster singleton, by its
 * manager: a graceful shutdown, the singleton moving) comes after the round in hand: nothing it started is
 * left for another mailer to send again. A {@code kill} still stops it at once.
 */
@GenServer(name = Mailer.NAME)
public class Mailer implements GenServerBehaviour<Mailer.State> {

    /** The name the mailer registers, locally and, as a cluster singleton, globally. */
    public static final String NAME = "mailer";

    /**
     * A mailer's state.
     *
     * @param token this mailer's token, new for each start: it tells this mailer's claims from those of
     *        an earlier mailer of the same instance
     * @param sent how many notes it sent and recorded
     */
    public record State(String token, long sent) {
    }

    /** The mailer's own timer message. */
    record Tick() {
    }

    private static final ProcessName CONNECTOR = ProcessRef.named("dbconnector");
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailerProperties properties;

    /** A mailer with {@code properties}. */
    public Mailer(MailerProperties properties) {
        this.properties = properties;
    }

    @Override
    public Init<State> init(Object arg) {
        ProcessRuntime.current().trapExit(true); // a shutdown waits for the round in hand
        scheduleTick(properties.getInterval());
        return Init.ok(new State(UUID.randomUUID().toString(), 0));
    }

    @Override
    public Result<State> handleInfo(Object message, State state) {
        if (!(message instanceof Tick)) {
            return new NoReply<>(state);
        }
        ProcessRuntime runtime = ProcessRuntime.current();
        String owner = properties.getInstance();
        List<MailJob> jobs = runtime.call(CONNECTOR,
                new DbRequest.ClaimMail(owner, state.token(), properties.getBatch(), properties.getLease()));
        long sent = state.sent();
        for (MailJob job : jobs) {
            long id = job.note().id();
            if (!runtime.call(CONNECTOR, new DbRequest.StartSending(id, state.token()))) {
                log.info("note {} not mailed by {}: another mailer took its claim over", id, owner);
                continue;
            }
            send(job, owner);
            runtime.call(CONNECTOR, new DbRequest.RecordSent(id, owner));
            sent++;
        }
        scheduleTick(jobs.size() >= properties.getBatch() ? Duration.ZERO : properties.getInterval());
        return new NoReply<>(new State(state.token(), sent));
    }

    /** The "mail": one log line per note, with its Message-ID. */
    private static void send(MailJob job, String owner) {
        String text = MessageRendering.standard().render(job.note().text());
        if (job.resend()) {
            log.warn("Mail: note {} {} by {} \"{}\" (again: the mailer that held it stopped while sending it;"
                    + " a mail server that saw this Message-ID drops it)", job.note().id(), job.messageId(), owner, text);
        } else {
            log.info("Mail: note {} {} by {} \"{}\"", job.note().id(), job.messageId(), owner, text);
        }
    }

    private static void scheduleTick(Duration after) {
        ProcessRuntime runtime = ProcessRuntime.current();
        runtime.sendAfter(after, runtime.self(), new Tick());
    }
}
