package dev.supervision.sample;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sample-app JVM ({@link InstanceMain}) on loopback, started by a test with the test's class path on
 * a free HTTP port. Every line it prints is kept, with when it arrived, and copied to
 * {@code target/instances/NAME.log}. Signals go to its own pid only; {@link #close()} kills it and waits
 * until it is gone, and {@link InstanceReaper} does so when the test JVM exits.
 */
final class SampleInstance implements AutoCloseable {

    /**
     * A line the instance printed.
     *
     * @param text the line
     * @param arrived when this JVM read it
     */
    record Line(String text, Instant arrived) {
    }

    private final String name;
    private final int port;
    private final Process process;
    private final List<Line> lines = new ArrayList<>();
    private final NotesHttp http;

    private SampleInstance(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.http = new NotesHttp(port);
    }

    /**
     * Starts an instance named {@code name} with {@code properties} ({@code key=value} each, as command-line
     * arguments) and waits until it answers {@code /actuator/health} with {@code 200}; fails, with what it
     * printed, if it exits or is not ready within {@code ready}.
     */
    static SampleInstance start(String name, List<String> properties, Duration ready) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), InstanceMain.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--notes.mailer.instance=" + name));
        properties.forEach(property -> command.add("--" + property));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start instance " + name, e);
        }
        InstanceReaper.watch(process.toHandle());
        SampleInstance instance = new SampleInstance(name, port, process);
        instance.collect(process.getInputStream());
        try {
            await("instance " + name + " ready on port " + port).atMost(ready).pollInterval(Duration.ofMillis(200))
                    .failFast("instance " + name + " exited", () -> !process.isAlive())
                    .until(instance::ready);
        } catch (RuntimeException | Error e) {
            instance.close();
            throw new AssertionError(instance + " did not start; it printed:\n" + instance.tail(40), e);
        }
        return instance;
    }

    private boolean ready() {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A free port on loopback. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free loopback port for a cluster node whose port 100 above (its failure detection) is free too.
     */
    static int freeClusterPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port + 100 <= 65535 && free(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port p with p + 100 free on loopback");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private void collect(InputStream output) {
        Path log = Path.of("target", "instances", name + ".log");
        Thread.ofPlatform().daemon(true).name("instance-" + name + "-out").start(() -> {
            try {
                Files.createDirectories(log.getParent());
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (lines) {
                            lines.add(new Line(line, Instant.now()));
                        }
                        copy.println(line);
                    }
                }
            } catch (IOException e) {
                // the instance is gone
            }
        });
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** A real HTTP client for this instance's API and actuator. */
    NotesHttp http() {
        return http;
    }

    /** Every line printed so far. */
    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** {@code kill -9}: gone at once, with whatever it had in hand. */
    void kill9() {
        signal("KILL");
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code kill -TERM}: Spring's graceful shutdown (the web server finishes the requests in hand, then
     * the tree stops, the node leaves); waits until the JVM has exited, at most {@code patience}.
     *
     * @throws AssertionError when it is still running after {@code patience}
     */
    void stopGracefully(Duration patience) {
        signal("TERM");
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(this + " did not exit within " + patience + " of SIGTERM; it printed:\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this + " to stop", e);
        }
    }

    /** {@code kill -STOP}: frozen where it stands, as a long GC pause or a suspended VM. */
    void pause() {
        signal("STOP");
    }

    /** {@code kill -CONT}: it goes on from where it stood. */
    void resume() {
        signal("CONT");
    }

    boolean alive() {
        return process.isAlive();
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed for " + this);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + this, e);
        }
    }

    private String tail(int count) {
        List<Line> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()).stream().map(Line::text).toList());
    }

    @Override
    public void close() {
        process.destroyForcibly(); // SIGKILL: a paused JVM ends too
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        InstanceReaper.release(process.toHandle());
    }

    @Override
    public String toString() {
        return "instance " + name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
