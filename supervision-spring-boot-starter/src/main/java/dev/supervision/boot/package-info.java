/**
 * Spring Boot glue for Supervision: {@code @GenServer} beans supervised under a tree declared in
 * {@code application.yml}, with an actuator endpoint. Spring reads properties and beans and hands
 * specs to {@code supervision-core}; the core never calls Spring.
 */
package dev.supervision.boot;
