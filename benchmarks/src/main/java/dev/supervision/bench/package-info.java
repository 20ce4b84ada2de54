/** The performance workloads described in docs/benchmarks.md; each prints {@code RESULT supervision <workload> key=value ...}. */
package dev.supervision.bench;
