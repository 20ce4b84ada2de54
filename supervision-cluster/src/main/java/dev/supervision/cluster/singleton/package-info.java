/**
 * Cluster singletons: a supervised child that runs on exactly one node of the cluster at a time.
 * {@link dev.supervision.cluster.singleton.ClusterSingleton} makes the child spec every node puts in
 * its supervisor, {@link dev.supervision.cluster.singleton.SingletonPolicy} says where it may run when
 * the cluster is split, and {@link dev.supervision.cluster.singleton.ClusterSingletons} finds the
 * running instance and hands singletons over when a node leaves. See docs/distribution.md.
 *
 * <p>Uses {@code dev.supervision.cluster}, the core's {@code process}, {@code genserver} (start
 * results) and {@code supervisor} (child specs, shutdowns) packages, and SLF4J.
 */
package dev.supervision.cluster.singleton;
