package dev.supervision.process;

/**
 * Identifies one monitor, as returned by {@link ProcessRuntime#monitor(Pid)}; the matching
 * {@link DownMessage} carries the same reference.
 *
 * @param id unique within a runtime
 */
public record MonitorRef(long id) {
    @Override
    public String toString() {
        return "#Ref<" + id + ">";
    }
}
