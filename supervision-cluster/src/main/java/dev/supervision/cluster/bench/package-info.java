/**
 * The distribution benchmarks run by {@code benchmarks/run dist_*}: two JVMs on loopback, this one
 * driving, a peer it starts and kills. Not used by the module itself.
 */
package dev.supervision.cluster.bench;
