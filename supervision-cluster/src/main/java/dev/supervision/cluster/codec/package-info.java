/**
 * The wire format of distribution: the frames nodes exchange, the translation of pids between nodes,
 * the allowlist of decodable types, and the codec (Jackson Smile) that turns them into bytes. Knows
 * nothing of transports or nodes' lifecycles.
 */
package dev.supervision.cluster.codec;
