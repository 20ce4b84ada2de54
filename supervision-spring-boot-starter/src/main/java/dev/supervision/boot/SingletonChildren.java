package dev.supervision.boot;

import dev.supervision.supervisor.ChildSpec;

/**
 * Makes a child a cluster singleton: it runs on exactly one instance of the cluster at a time. The
 * cluster auto-configuration provides it while {@code supervision.cluster.enabled} is true; the tree
 * asks for it only for children marked {@code singleton: true}, so the starter needs no cluster class
 * otherwise.
 */
public interface SingletonChildren {

    /**
     * The spec that runs {@code inner} on one instance of the cluster.
     *
     * @param inner the child as configured
     * @param registeredName the name its process registers, by which other instances reach it
     * @param policy where it may run while the cluster is split
     * @return the spec to put in this instance's supervisor in place of {@code inner}
     */
    ChildSpec singleton(ChildSpec inner, String registeredName, SingletonPolicyChoice policy);
}
