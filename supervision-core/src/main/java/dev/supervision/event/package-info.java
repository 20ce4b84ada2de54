/**
 * Lifecycle events as first-class values, and the bus that carries them to listeners.
 *
 * <p>This package is a leaf: it depends on nothing else in the project. The process layer publishes
 * {@code ProcessEvent}s and the supervisors publish {@code SupervisorEvent}s through an {@link
 * dev.supervision.event.EventBus}; the Spring starter renders them as application events and meters.
 */
package dev.supervision.event;
