package dev.supervision.process;

/** A monitor held by {@code owner} on {@code target}: sends the owner a DOWN message when it fires. */
record ProcessMonitor(MonitorRef ref, ProcessCell owner, Pid target, String name) implements DeathWatcher {

    @Override
    public void processDied(Pid pid, ExitReason reason) {
        owner.deliverDown(new DownMessage(ref, pid, name, reason));
    }
}
