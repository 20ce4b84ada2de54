package dev.supervision.process;

/**
 * Exit signals, links and monitors between the processes of one runtime (Erlang's {@code exit/2},
 * {@code link/1}, {@code unlink/1}, {@code monitor/2} and {@code demonitor/2}); the runtime checks its
 * arguments and who the caller is, this class applies the rules. What targets another node's process
 * goes to the {@link Distribution}, when one is installed.
 */
final class LinksAndMonitors {

    private final ProcessTable table;
    private final Pid external;

    LinksAndMonitors(ProcessTable table, Pid external) {
        this.table = table;
        this.external = external;
    }

    /** {@code self} (null on a plain thread) sends an exit signal to {@code target}. */
    void exit(ProcessCell self, ProcessRef ref, ExitReason reason) {
        ProcessRef target = table.pin(ref);
        ProcessCell cell = table.resolve(target);
        if (cell == null && target instanceof ProcessName) {
            throw new NoProcessException(target);
        }
        if (self != null && !self.isAlive()) {
            return;
        }
        Distribution distribution = table.distribution();
        if (cell == null && distribution != null && target.isRemote()) {
            distribution.exit(self == null ? external : self.pid, target, reason);
            return;
        }
        if (cell == null) {
            return;
        }
        cell.exitSignal(self == null ? external : self.pid, reason, false);
        if (cell == self && !self.isAlive()) {
            throw new ProcessExit(self.exitReason());
        }
    }

    void link(ProcessCell self, Pid other) {
        if (other.equals(self.pid)) {
            return;
        }
        Distribution distribution = table.distribution();
        if (distribution != null && other.node() != 0) {
            if (!self.addLink(other)) {
                throw new ProcessExit(self.exitReason());
            }
            distribution.link(self.pid, other);
            if (!self.isAlive()) {
                throw new ProcessExit(self.exitReason()); // the node was unreachable: noconnection took it down
            }
            return;
        }
        ProcessCell cell = table.lookup(other);
        if (cell == null || !ProcessCell.link(self, cell)) {
            if (!self.isAlive()) {
                throw new ProcessExit(self.exitReason());
            }
            if (self.trapExit()) {
                self.deliver(new ExitMessage(other, ExitReason.NOPROC));
            } else {
                throw new NoProcessException(other);
            }
        }
    }

    void unlink(ProcessCell self, Pid other) {
        boolean wasLinked = self.removeLink(other);
        Distribution distribution = table.distribution();
        if (distribution != null && other.node() != 0) {
            if (wasLinked) {
                distribution.unlink(self.pid, other);
            }
            return;
        }
        ProcessCell cell = table.lookup(other);
        if (cell != null) {
            cell.removeLink(self.pid);
        }
    }

    MonitorRef monitor(ProcessCell owner, ProcessRef ref) {
        ProcessRef target = table.pin(ref);
        ProcessCell cell = table.resolve(target);
        Pid pid = target instanceof Pid direct ? direct : cell == null ? null : cell.pid;
        String name = switch (target) {
            case ProcessName(String held) -> held;
            case RemoteName remote -> remote.name();
            case GlobalName global -> global.name();
            case Pid direct -> null;
        };
        ProcessMonitor monitor = new ProcessMonitor(table.nextMonitorRef(), owner, pid, name);
        owner.holdMonitor(monitor);
        Distribution distribution = table.distribution();
        if (cell == null && distribution != null && target.isRemote()) {
            distribution.monitor(owner.pid, monitor.ref(), target);
            return monitor.ref();
        }
        if (cell == null || !cell.addWatcher(monitor.ref(), monitor)) {
            owner.deliverDown(new DownMessage(monitor.ref(), pid, name, ExitReason.NOPROC));
        }
        return monitor.ref();
    }

    /** Monitors a process that is not started yet, so the monitor is in place before it can end. */
    MonitorRef monitorUnborn(ProcessCell owner, ProcessCell unborn) {
        ProcessMonitor monitor = new ProcessMonitor(table.nextMonitorRef(), owner, unborn.pid, null);
        owner.holdMonitor(monitor);
        unborn.addWatcher(monitor.ref(), monitor);
        return monitor.ref();
    }

    /** The target of a monitor that ended (removed, or its owner died) stops watching. */
    static void forgetTarget(ProcessTable table, Pid owner, ProcessMonitor monitor) {
        ProcessCell cell = monitor.target() == null ? null : table.lookup(monitor.target());
        if (cell != null) {
            cell.removeWatcher(monitor.ref());
            return;
        }
        Distribution distribution = table.distribution();
        if (distribution != null && (monitor.target() == null || monitor.target().node() != 0)) {
            distribution.demonitor(owner, monitor.ref());
        }
    }

    private void forgetTarget(Pid owner, ProcessMonitor monitor) {
        forgetTarget(table, owner, monitor);
    }

    boolean demonitor(ProcessCell self, MonitorRef ref, boolean flush) {
        ProcessMonitor monitor = self.forgetMonitor(ref);
        if (monitor != null) {
            forgetTarget(self.pid, monitor);
        }
        if (flush) {
            self.removeIf(m -> m instanceof DownMessage down && down.ref().equals(ref));
        }
        return monitor != null;
    }
}
