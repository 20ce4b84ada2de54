package dev.supervision.process;

/**
 * Where the answer to a call that came from another node goes (see {@link RemoteSignals#call}):
 * exactly one of the two methods is called, once, on the thread of whoever completed the call.
 */
public interface RemoteReply {

    /** The server answered. */
    void replied(Object answer);

    /** The call could not be answered: the server was not alive, or ended before it answered. */
    void failed(CallException failure);
}
