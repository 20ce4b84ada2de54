package dev.supervision.boot.observer;

import dev.supervision.boot.endpoint.SupervisionEndpoint;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Whether the {@code supervision} endpoint's signal operation exists, asked of the same
 * {@link EndpointAccessResolver} that decides which operations the actuator maps: so the endpoint's
 * own access, {@code management.endpoints.access.default} and
 * {@code management.endpoints.access.max-permitted} all count, exactly as they do for a {@code POST}.
 */
public final class KillPermission {

    private static final EndpointId ID = EndpointId.of(SupervisionEndpoint.ID);
    private static final Access DEFAULT_ACCESS = MergedAnnotations.from(SupervisionEndpoint.class)
            .get(Endpoint.class).getEnum("defaultAccess", Access.class);

    private final EndpointAccessResolver resolver;

    /** Asks {@code resolver}, the application's resolver of endpoint access. */
    public KillPermission(EndpointAccessResolver resolver) {
        this.resolver = resolver;
    }

    /** Whether a signal may be sent: the endpoint's access resolves to {@code unrestricted}. */
    public boolean granted() {
        return resolver.accessFor(ID, DEFAULT_ACCESS) == Access.UNRESTRICTED;
    }
}
