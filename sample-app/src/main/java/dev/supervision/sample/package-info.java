/** The sample app: a notes web service whose database connector is a supervised GenServer. */
package dev.supervision.sample;
