/**
 * Auto-configuration of the supervision tree: the {@code supervision.*} properties, their validation
 * into specs, the runtime and the tree's lifecycle, and what happens when the root gives up. The
 * runtime classes it configures live in {@code dev.supervision.boot}; the other concerns have their
 * auto-configuration in a sub-package each ({@code endpoint}, {@code health}, {@code metrics},
 * {@code observer}), beside their runtime classes in {@code dev.supervision.boot.<concern>}.
 */
package dev.supervision.boot.autoconfigure;
