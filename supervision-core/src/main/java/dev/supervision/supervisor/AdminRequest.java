package dev.supervision.supervisor;

import dev.supervision.process.Request;
import java.util.List;

/** The admin calls a supervisor answers, each with an {@link AdminReply}; the static methods of {@link Supervisor} send them. */
sealed interface AdminRequest extends Request<AdminReply> {

    record WhichChildren() implements AdminRequest {
    }

    record CountChildren() implements AdminRequest {
    }

    /** By id (static) or pid (dynamic). */
    record TerminateChild(Object child) implements AdminRequest {
    }

    record RestartChild(String id) implements AdminRequest {
    }

    record DeleteChild(String id) implements AdminRequest {
    }

    record StartChild(ChildSpec spec, List<Object> args) implements AdminRequest {
    }

    /** By id (static) or pid (dynamic). */
    record GetChildSpec(Object child) implements AdminRequest {
    }
}
