package dev.supervision.cluster.codec;

import dev.supervision.process.Pid;

/** Maps pids between this node's local node indices and their wire form. */
public interface PidTranslator {

    /** The wire form of {@code pid}, whose node index is this node's. */
    WirePid toWire(Pid pid);

    /** The local form of a pid that came from the wire: its node gets this node's index for it. */
    Pid fromWire(WirePid wire);
}
