package dev.supervision.process;

/**
 * Exit signals, links and monitors between the processes of one runtime (Erlang's {@code exit/2},
 * {@code link/1}, {@code unlink/1}, {@code monitor/2} and {@code demonitor/2}); the runtime checks its
 * arguments and who the caller is, this class applies the rules.
 */
final class LinksAndMonitors {

    private final ProcessTable table;
    private final Pid external;

    LinksAndMonitors(ProcessTable table, Pid external) {
        this.table = table;
        this.external = external;
    }

    /** {@code self} (null on a plain thread) sends an exit signal to {@code target}. */
    void exit(ProcessCell self, ProcessRef target, ExitReason reason) {
        ProcessCell cell = table.resolve(target);
        if (cell == null && target instanceof ProcessName) {
            throw new NoProcessException(target);
        }
        if (cell == null || (self != null && !self.isAlive())) {
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
        self.removeLink(other);
        ProcessCell cell = table.lookup(other);
        if (cell != null) {
            cell.removeLink(self.pid);
        }
    }

    MonitorRef monitor(ProcessCell owner, ProcessRef target) {
        ProcessCell cell = table.resolve(target);
        Pid pid = target instanceof Pid direct ? direct : cell == null ? null : cell.pid;
        String name = target instanceof ProcessName(String held) ? held : null;
        ProcessMonitor monitor = new ProcessMonitor(table.nextMonitorRef(), owner, pid, name);
        owner.holdMonitor(monitor);
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

    boolean demonitor(ProcessCell self, MonitorRef ref, boolean flush) {
        ProcessMonitor monitor = self.forgetMonitor(ref);
        if (monitor != null && monitor.target() != null) {
            ProcessCell cell = table.lookup(monitor.target());
            if (cell != null) {
                cell.removeWatcher(ref);
            }
        }
        if (flush) {
            self.removeIf(m -> m instanceof DownMessage down && down.ref().equals(ref));
        }
        return monitor != null;
    }
}
