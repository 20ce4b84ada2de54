package dev.supervision.cluster.harness;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.NodeEvent;
import dev.supervision.cluster.singleton.ClusterSingleton;
import dev.supervision.cluster.singleton.ClusterSingletons;
import dev.supervision.cluster.singleton.SingletonPolicy;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.Call;
import dev.supervision.process.Cast;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.DownMessage;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A member JVM of the multi-JVM tests. Arguments: node name, port, initial hosts (comma-separated),
 * secret ({@code -} for none), allowlist (comma-separated). It runs an echo server ({@code echo}), a
 * sink that checks order ({@code sink}), a watcher of every node that prints {@code NODEUP} /
 * {@code NODEDOWN} with the time in epoch milliseconds, and the spawnable {@code say_name}; it reads
 * commands from stdin (see {@link #command}) and prints what it sees on stdout, one line each. It exits
 * when stdin closes, so a test that dies never leaves it behind.
 */
public final class MemberMain {

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private final ClusterNode node;
    private final Map<String, Pid> joined = new ConcurrentHashMap<>();

    private MemberMain(ClusterConfig config) {
        node = ClusterNode.start(runtime, config);
        node.registerSpawnable("say_name", argument -> () -> say("SAID my name is " + node.name()));
        node.registerSpawnable("wait", argument -> () -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
        runtime.spawn(this::echo);
        runtime.spawn(this::sink);
        runtime.spawn(() -> {
            node.monitorNodes(true);
            while (true) {
                Object event = runtime.receive();
                if (event instanceof NodeEvent nodeEvent) {
                    say((nodeEvent instanceof dev.supervision.cluster.NodeUp ? "NODEUP " : "NODEDOWN ")
                            + nodeEvent.node() + " " + System.currentTimeMillis());
                }
            }
        });
    }

    public static void main(String[] args) throws Exception {
        List<String> hosts = Arrays.asList(args[2].split(","));
        ClusterConfig config = ClusterConfig.of(args[0], "supervision-it").withBind("127.0.0.1", Integer.parseInt(args[1]))
                .withInitialHosts(hosts).withAllowedTypes(Arrays.asList(args[4].split(",")));
        if (!args[3].equals("-")) {
            config = config.withSecret(args[3]);
        }
        MemberMain member = new MemberMain(config);
        say("READY " + args[0] + " " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                member.command(line.strip().split(" "));
            } catch (RuntimeException e) {
                say("ERROR " + e);
            }
        }
        Runtime.getRuntime().halt(0); // stdin closed: the test is gone
    }

    /**
     * {@code nodes}; {@code spawn_link NODE SPAWNABLE} (from a process that traps exits); {@code link
     * NODE} (a trapping process links to NODE's echo server and reports its EXIT); {@code monitor NODE};
     * {@code singleton MIN COLLECTOR_NODE} (a supervisor with the {@link Ticket} singleton, policy at least
     * MIN hosts); {@code owner} (where this node thinks the singleton runs); {@code close} ({@code close()}
     * of the node, which hands its singletons over);
     * and the naming commands ({@link #naming}).
     */
    private void command(String[] words) {
        if (naming(words)) {
            return;
        }
        switch (words[0]) {
            case "nodes" -> say("NODES " + node.nodes());
            case "spawn_link" -> runtime.spawn(() -> {
                runtime.trapExit(true);
                Pid pid = node.spawnLink(words[1], words[2], null);
                say("SPAWNED " + pid);
                report();
            });
            case "link" -> runtime.spawn(() -> {
                runtime.trapExit(true);
                Pid echo = runtime.call(ProcessRef.named("echo", words[1]), new Messages.WhoAmI(), Duration.ofSeconds(5));
                runtime.link(echo);
                say("LINKED " + echo);
                report();
            });
            case "monitor" -> runtime.spawn(() -> {
                Pid echo = runtime.call(ProcessRef.named("echo", words[1]), new Messages.WhoAmI(), Duration.ofSeconds(5));
                runtime.monitor(echo);
                say("MONITORED " + echo);
                report();
            });
            case "singleton" -> {
                ChildSpec ticket = ChildSpec.worker(Ticket.NAME, Ticket.NAME, () -> new Ticket(node.name(), words[2]), null);
                SupervisorSpec spec = SupervisorSpec.of(SupervisorFlags.DEFAULT.withIntensity(10, Duration.ofSeconds(10)),
                        ClusterSingleton.of(node, ticket, SingletonPolicy.minimumMembers(Integer.parseInt(words[1]))));
                Supervisor.start(runtime, spec, StartOptions.named("singletons")).orThrow();
                say("SINGLETON started");
            }
            case "owner" -> say("OWNER " + ClusterSingletons.of(node).singletonOwner(Ticket.NAME).orElse("none"));
            case "close" -> {
                node.close();
                say("CLOSED " + System.currentTimeMillis());
            }
            default -> say("ERROR unknown command " + words[0]);
        }
    }

    /**
     * {@code register NAME} (a new process, monitored by one that prints {@code GLOBALDOWN NAME reason},
     * registers itself globally and answers calls with this node's name and the request);
     * {@code registertold NAME} (the same, registered so that losing a name conflict prints
     * {@code GLOBALLOST NAME conflict alive true|false} instead of exiting it);
     * {@code whereis NAME TAG}; {@code callglobal NAME TAG}; {@code join GROUP} (a new process that
     * prints {@code GROUPMSG GROUP message} for what it gets); {@code leave GROUP}; {@code members GROUP
     * TAG} (the members' node names, sorted). False for any other command.
     */
    private boolean naming(String[] words) {
        switch (words[0]) {
            case "register" -> runtime.spawn(() -> {
                var holder = runtime.spawnMonitor(this::answerWithNodeName);
                say("REGISTERED " + words[1] + " " + node.globalNames().register(words[1], holder.pid()));
                Object down = runtime.receive();
                say("GLOBALDOWN " + words[1] + " " + ((DownMessage) down).reason());
            });
            case "registertold" -> runtime.spawn(() -> {
                var holder = runtime.spawnMonitor(this::answerWithNodeName);
                say("REGISTERED " + words[1] + " " + node.globalNames().register(words[1], holder.pid(),
                        conflict -> say("GLOBALLOST " + words[1] + " " + conflict + " alive " + runtime.isAlive(holder.pid()))));
                Object down = runtime.receive();
                say("GLOBALDOWN " + words[1] + " " + ((DownMessage) down).reason());
            });
            case "whereis" -> say("WHEREIS " + words[2] + " "
                    + node.globalNames().whereis(words[1]).map(node::nodeOf).orElse("none"));
            case "callglobal" -> {
                try {
                    say("CALLED " + words[2] + " " + runtime.call(ProcessRef.global(words[1]), "hi", Duration.ofSeconds(5)));
                } catch (RuntimeException e) {
                    say("CALLED " + words[2] + " " + e.getClass().getSimpleName());
                }
            }
            case "join" -> {
                Pid member = runtime.spawn(() -> {
                    while (true) {
                        say("GROUPMSG " + words[1] + " " + runtime.receive());
                    }
                });
                node.processGroups().join(words[1], member);
                joined.put(words[1], member);
                say("JOINED " + words[1]);
            }
            case "leave" -> say("LEFT " + words[1] + " " + node.processGroups().leave(words[1], joined.get(words[1])));
            case "members" -> say("MEMBERS " + words[2] + " "
                    + node.processGroups().members(words[1]).stream().map(node::nodeOf).sorted().toList());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void answerWithNodeName() {
        while (true) {
            if (runtime.receive() instanceof Call call) {
                call.from().reply(node.name() + ":" + call.request());
            }
        }
    }

    private void report() {
        while (true) {
            Object message = runtime.receive();
            switch (message) {
                case ExitMessage exit -> say("EXIT " + exit.from() + " " + exit.reason() + " " + System.currentTimeMillis());
                case DownMessage down -> say("DOWN " + down.pid() + " " + down.reason() + " " + System.currentTimeMillis());
                default -> say("GOT " + message);
            }
        }
    }

    private void echo() {
        runtime.register("echo", runtime.self());
        while (true) {
            Object message = runtime.receive();
            switch (message) {
                case Call call when call.request() instanceof Messages.WhoAmI -> call.from().reply(runtime.self());
                case Call call -> call.from().reply(call.request());
                case Messages.Forward forward -> runtime.send(forward.to(), forward.message());
                case Cast cast -> say("GOT cast " + cast.message());
                default -> say("GOT " + message);
            }
        }
    }

    private void sink() {
        runtime.register("sink", runtime.self());
        Map<Pid, Long> last = new HashMap<>();
        long received = 0;
        long outOfOrder = 0;
        while (true) {
            Object message = runtime.receive();
            Object body = message instanceof Cast cast ? cast.message() : message;
            if (body instanceof Messages.Seq seq) {
                received++;
                long previous = last.getOrDefault(seq.sender(), 0L);
                if (seq.n() != previous + 1) {
                    outOfOrder++;
                }
                last.put(seq.sender(), seq.n());
            } else if (message instanceof Call call) {
                call.from().reply(new Messages.Counted(received, outOfOrder));
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
