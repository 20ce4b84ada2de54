/**
 * Spring Boot glue for Supervision: {@code @GenServer} beans supervised under a tree declared in
 * {@code application.yml}. Spring reads properties and beans and hands specs to
 * {@code supervision-core}; the core never calls Spring.
 *
 * <p>The starter follows the layout of Spring Boot's own feature modules (jdbc, quartz): the runtime
 * classes of a concern live in {@code dev.supervision.boot.<concern>} and its auto-configuration in
 * {@code dev.supervision.boot.autoconfigure.<concern>}:
 * <ul>
 *   <li>this package and {@code dev.supervision.boot.autoconfigure}: the tree and the runtime;</li>
 *   <li>{@code endpoint} and {@code autoconfigure.endpoint}: the {@code supervision} actuator endpoint;</li>
 *   <li>{@code health} and {@code autoconfigure.health}: the {@code supervision} health indicator;</li>
 *   <li>{@code metrics} and {@code autoconfigure.metrics}: the Micrometer meters;</li>
 *   <li>{@code observer} and {@code autoconfigure.observer}: the observer page.</li>
 * </ul>
 * Nothing outside an {@code autoconfigure} package imports an {@code autoconfigure} package: runtime
 * classes get what they need (the {@link dev.supervision.boot.SupervisionTree}, plain values) as
 * constructor arguments.
 */
package dev.supervision.boot;
