/**
 * The sample as a node of a cluster (only while {@code supervision.cluster.enabled} is true): Elixir's
 * {@code Node.spawn_link} example as an HTTP call, and where the mailer, a cluster singleton, runs as
 * this instance sees it.
 */
package dev.supervision.sample.cluster;
