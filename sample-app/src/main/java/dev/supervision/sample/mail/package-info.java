/** The mailer GenServer: sends each new note once, through the connector. */
package dev.supervision.sample.mail;
