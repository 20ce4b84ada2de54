/**
 * Auto-configuration of the supervision tree: properties, validation, the tree's lifecycle and what
 * happens when the root gives up. Uses {@code dev.supervision.boot} and the core; never the reverse.
 */
package dev.supervision.boot.autoconfigure;
