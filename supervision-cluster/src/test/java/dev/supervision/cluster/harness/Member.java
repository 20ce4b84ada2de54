package dev.supervision.cluster.harness;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One member JVM ({@link MemberMain}) started by a test: the same java binary and the test's class
 * path; its stdout and stderr are collected line by line; commands go to its stdin. Signals go to its
 * own pid only. {@link #close()} kills it and waits for it to be gone.
 */
public final class Member implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Writer stdin;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final AtomicLong tags = new AtomicLong();

    private Member(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), out, "out");
        collect(process.getErrorStream(), err, "err");
    }

    /** Starts a member; returns once it printed READY (it is then a member of the cluster). */
    static Member start(String name, int port, List<String> hosts, String secret, String allowlist, Duration ready) {
        return launch(name, port, MemberMain.class.getName(),
                List.of(name, String.valueOf(port), String.join(",", hosts), secret == null ? "-" : secret, allowlist), ready);
    }

    /**
     * Starts {@code mainClass} of the test class path as a member JVM with {@code arguments}, reaped like
     * every member; returns once it printed a line starting with {@code READY }. Other modules' tests
     * (the Spring Boot starter's) start their own applications this way.
     *
     * @param name the member's node name, for messages
     * @param port the member's cluster port, for messages
     * @param mainClass the class whose {@code main} runs
     * @param arguments its arguments
     * @param ready how long it may take to print {@code READY }
     */
    public static Member launch(String name, int port, String mainClass, List<String> arguments, Duration ready) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Member member = new Member(name, port, process);
        Reaper.track(process);
        member.awaitLine(line -> line.startsWith("READY "), ready);
        return member;
    }

    private static void collect(java.io.InputStream stream, List<String> lines, String kind) {
        Thread.ofPlatform().daemon().name("member-" + kind).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the member is gone
            }
        });
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a command line to the member. */
    public void command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("member " + name + " is gone", e);
        }
    }

    /**
     * Sends {@code command} with a fresh tag appended and returns what the member answered on the line
     * that starts with {@code answer} and that tag, waiting up to {@code atMost}.
     */
    public String ask(String command, String answer, Duration atMost) {
        String tag = "t" + tags.incrementAndGet();
        command(command + " " + tag);
        String prefix = answer + " " + tag + " ";
        return awaitLine(line -> line.startsWith(prefix), atMost).substring(prefix.length());
    }

    /** The first stdout line that matches, waiting up to {@code atMost}; fails the test otherwise. */
    public String awaitLine(Predicate<String> matches, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .failFast("member " + name + " exited", () -> !process.isAlive() && find(matches).isEmpty())
                    .until(() -> find(matches).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            List<String> log = stderr();
            throw new AssertionError(e.getMessage() + (process.isAlive() ? "" : " with code " + process.exitValue())
                    + "; its stdout: " + stdout() + "; the end of its stderr: "
                    + log.subList(Math.max(0, log.size() - 15), log.size()), e);
        }
        return find(matches).orElseThrow();
    }

    /** The first stdout line that matches now. */
    public Optional<String> find(Predicate<String> matches) {
        return out.stream().filter(matches).findFirst();
    }

    /** What the member printed on stdout so far. */
    public List<String> stdout() {
        return List.copyOf(out);
    }

    /** What the member logged on stderr so far. */
    public List<String> stderr() {
        return List.copyOf(err);
    }

    /** {@code kill -9}. */
    public void kill9() {
        signal("KILL");
    }

    /** {@code kill -STOP}: the member hangs. */
    public void stop() {
        signal("STOP");
    }

    /** {@code kill -CONT}: the member resumes. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("/bin/kill", "-" + signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the JVM is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly(); // SIGKILL ends a stopped JVM too
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reaper.forget(process);
    }

    @Override
    public String toString() {
        return "member " + name + " (pid " + process.pid() + ")";
    }
}
