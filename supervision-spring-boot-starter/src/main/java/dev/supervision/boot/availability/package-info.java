/**
 * Spring Boot's availability states following the supervision tree: the root giving up marks the
 * application broken, and a {@code required} child that is not running makes it refuse traffic.
 */
package dev.supervision.boot.availability;
