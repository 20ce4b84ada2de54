/**
 * Calls mapped to HTTP: a {@code CallException} that escapes a controller becomes an RFC 9457 problem
 * document with {@code 503}, {@code Retry-After} and the call's {@code outcome}.
 */
package dev.supervision.boot.web;
