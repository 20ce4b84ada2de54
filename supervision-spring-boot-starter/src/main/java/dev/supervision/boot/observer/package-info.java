/**
 * The observer page: the live tree in a browser, pushed over Server-Sent Events, served by the
 * management server beside the {@code supervision} endpoint. Configured by
 * {@code dev.supervision.boot.autoconfigure.observer}; uses {@code dev.supervision.boot.endpoint}.
 */
package dev.supervision.boot.observer;
