package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A supervisor's children: in start order, by id (those that have one), by the pid of their process,
 * and the groups a restart concerns. Changed only by the supervisor's process; the start order is a
 * concurrent map, so snapshots may walk it from any thread.
 */
final class ChildTable {

    private final ConcurrentSkipListMap<Long, Child> inOrder = new ConcurrentSkipListMap<>();
    private final Map<String, Child> byId = new HashMap<>();
    private final Map<Pid, Child> byPid = new HashMap<>();
    private long nextOrder;

    /** Adds a child after all others; {@code id} is null under a dynamic supervisor. */
    Child add(ChildSpec spec, String id, List<Object> args) {
        Child child = new Child(nextOrder++, id, spec, args);
        inOrder.put(child.order, child);
        if (id != null) {
            byId.put(id, child);
        }
        return child;
    }

    /** Forgets a child and cancels its pending restart. */
    void remove(Child child) {
        child.cancelPendingRestart();
        inOrder.remove(child.order, child);
        if (child.id != null) {
            byId.remove(child.id, child);
        }
        Pid pid = child.state().pid();
        if (pid != null) {
            byPid.remove(pid, child);
        }
    }

    boolean contains(Child child) {
        return inOrder.get(child.order) == child;
    }

    int size() {
        return inOrder.size();
    }

    Optional<Child> withId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Child> withPid(Pid pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** Records that {@code pid} is {@code child}'s process. */
    void bind(Child child, Pid pid) {
        byPid.put(pid, child);
    }

    /** Forgets whose process {@code pid} was; returns that child, or null. */
    Child unbind(Pid pid) {
        return byPid.remove(pid);
    }

    void unbindAll() {
        byPid.clear();
    }

    /** {@code child} and those started after it: the group of a {@code rest_for_one} restart. */
    List<Child> startedFrom(Child child) {
        return List.copyOf(inOrder.tailMap(child.order, true).values());
    }

    List<Child> oldestFirst() {
        return List.copyOf(inOrder.values());
    }

    List<Child> newestFirst() {
        return List.copyOf(inOrder.descendingMap().values());
    }

    /** The children in start order, live and read-only, for snapshots on any thread. */
    Collection<Child> published() {
        return Collections.unmodifiableCollection(inOrder.values());
    }
}
