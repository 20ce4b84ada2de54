package dev.supervision.sample;

import java.io.IOException;

/**
 * The sample app in a JVM of its own, as {@link SampleInstance} starts it: the application, plus a watch
 * on stdin that halts the JVM when stdin closes, so a test JVM that dies in any way, kill -9 included,
 * leaves no instance behind.
 */
public final class InstanceMain {

    private InstanceMain() {
    }

    /** Starts the sample app with {@code args}; halts when stdin closes. */
    public static void main(String[] args) {
        Thread.ofPlatform().daemon(true).name("stdin-watch").start(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is sent on stdin; only its end matters
                }
            } catch (IOException e) {
                // the pipe broke: the test JVM is gone just the same
            }
            Runtime.getRuntime().halt(3);
        });
        SampleApplication.main(args);
    }
}
