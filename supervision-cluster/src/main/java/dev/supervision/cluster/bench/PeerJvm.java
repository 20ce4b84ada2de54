package dev.supervision.cluster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchPeer} JVM: started with this JVM's java and class path, signalled by its own pid. */
final class PeerJvm implements AutoCloseable {

    private final Process process;

    private PeerJvm(Process process) {
        this.process = process;
    }

    /** Starts a peer (optionally named, and {@code singleton} to host the singleton) and waits until it is a member. */
    static PeerJvm start(int port, int driverPort, String secret, String... nameAndRole) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(port), String.valueOf(driverPort), secret));
        arguments.addAll(List.of(nameAndRole));
        return start(BenchPeer.class, arguments);
    }

    /** Starts {@code main} with {@code arguments} and waits until it prints {@code READY}. */
    static PeerJvm start(Class<?> main, List<String> arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PeerJvm peer = new PeerJvm(process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.equals("READY")) { // a JVM option such as JFR may print first
            System.err.println("peer: " + line);
            line = out.readLine();
        }
        if (line == null) {
            peer.close();
            throw new IllegalStateException("the peer JVM ended before it was ready");
        }
        return peer;
    }

    /** {@code kill -9}. */
    void kill9() {
        process.destroyForcibly();
    }

    /** {@code kill -STOP}. */
    void hang() throws IOException, InterruptedException {
        new ProcessBuilder("/bin/kill", "-STOP", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
