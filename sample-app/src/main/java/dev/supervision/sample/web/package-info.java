/** The notes HTTP API and its error mapping. */
package dev.supervision.sample.web;
