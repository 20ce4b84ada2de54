package dev.supervision.process;

import java.util.ArrayDeque;

/**
 * Runs exit signals sent through links one after another instead of one inside another, so a long
 * chain of linked processes dying together never overflows the stack. Signals raised on one thread
 * while another is running are queued and run in order before the outermost call returns.
 */
final class LinkCascade {

    private static final ThreadLocal<ArrayDeque<Runnable>> PENDING = new ThreadLocal<>();

    private LinkCascade() {
    }

    static void run(Runnable signal) {
        ArrayDeque<Runnable> pending = PENDING.get();
        if (pending != null) {
            pending.addLast(signal);
            return;
        }
        pending = new ArrayDeque<>();
        PENDING.set(pending);
        try {
            signal.run();
            for (Runnable next = pending.pollFirst(); next != null; next = pending.pollFirst()) {
                next.run();
            }
        } finally {
            PENDING.remove();
        }
    }
}
