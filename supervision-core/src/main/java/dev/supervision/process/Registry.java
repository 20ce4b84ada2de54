package dev.supervision.process;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Registered names (Erlang's local {@code register/2}): one name per process, one process per name. */
final class Registry {

    private final ConcurrentHashMap<String, ProcessCell> names = new ConcurrentHashMap<>();

    void register(String name, ProcessCell cell) {
        if (name == null || name.isBlank()) {
            throw new RegistrationException("a registered name must not be blank: '" + name + "'", null);
        }
        synchronized (cell) {
            if (!cell.isAlive()) {
                throw new RegistrationException("process " + cell.pid + " is not alive", null);
            }
            if (cell.name != null) {
                throw new RegistrationException(
                        "process " + cell.pid + " already has the name '" + cell.name + "'", null);
            }
            ProcessCell holder = names.putIfAbsent(name, cell);
            if (holder != null) {
                throw RegistrationException.taken(name, holder.pid);
            }
            cell.name = name;
        }
    }

    boolean unregister(String name) {
        ProcessCell cell = names.remove(name);
        if (cell == null) {
            return false;
        }
        synchronized (cell) {
            if (name.equals(cell.name)) {
                cell.name = null;
            }
        }
        return true;
    }

    /** Frees the name of a process that ended. */
    void release(String name, ProcessCell cell) {
        if (name != null) {
            names.remove(name, cell);
        }
    }

    ProcessCell whereis(String name) {
        return names.get(name);
    }

    Set<String> names() {
        return new TreeSet<>(names.keySet());
    }
}
