package dev.supervision.supervisor;

/** Which children a supervisor restarts when one exits and must be restarted. */
public enum Strategy {
    /** Only the child that exited. */
    ONE_FOR_ONE,
    /** Every child: the others are stopped in reverse start order, then all are started in start order. */
    ONE_FOR_ALL,
    /** The child that exited and the children started after it. */
    REST_FOR_ONE
}
