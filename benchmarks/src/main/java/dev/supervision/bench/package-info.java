/** The performance workloads of DESIGN.md; each prints {@code RESULT supervision <workload> key=value ...}. */
package dev.supervision.bench;
