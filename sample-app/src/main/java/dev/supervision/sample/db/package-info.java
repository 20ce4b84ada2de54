/** The database connector GenServer, its messages and its settings. */
package dev.supervision.sample.db;
