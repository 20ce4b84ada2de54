package dev.supervision.boot.endpoint;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The HTTP answers of the {@link SupervisionEndpoint}: {@code 404} with an {@link ErrorDescriptor}
 * for a target that names no process, {@code 400} for an unknown signal. The whole-tree read is the
 * endpoint's own.
 */
@EndpointWebExtension(endpoint = SupervisionEndpoint.class)
public class SupervisionEndpointWebExtension {

    private static final int STATUS_CONFLICT = 409;

    private final SupervisionEndpoint delegate;

    /** HTTP answers for {@code delegate}. */
    public SupervisionEndpointWebExtension(SupervisionEndpoint delegate) {
        this.delegate = delegate;
    }

    /** {@code GET /actuator/supervision/{target}}: one process, or {@code 404}. */
    @ReadOperation
    public WebEndpointResponse<Object> process(@Selector(match = Selector.Match.ALL_REMAINING) String... target) {
        ProcessDescriptor found = delegate.process(target);
        return found == null ? notFound(target) : new WebEndpointResponse<>(found);
    }

    /**
     * {@code POST /actuator/supervision/{target}} with {@code {"signal": "kill"}}: the signal sent, or
     * {@code 404} when no live process is there, {@code 400} for an unknown signal, or {@code 409} for
     * a signal to the root supervisor without {@code "confirm": "root"}.
     */
    @WriteOperation
    public WebEndpointResponse<Object> signal(@Selector(match = Selector.Match.ALL_REMAINING) String[] target,
            @Nullable String signal, @Nullable String confirm) {
        try {
            SignalDescriptor sent = delegate.signal(target, signal, confirm);
            return sent == null ? notFound(target) : new WebEndpointResponse<>(sent);
        } catch (InvalidEndpointRequestException refused) {
            return new WebEndpointResponse<>(new ErrorDescriptor(refused.getReason()),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        } catch (UnconfirmedRootSignalException refused) {
            return new WebEndpointResponse<>(new ErrorDescriptor(refused.getMessage()), STATUS_CONFLICT);
        }
    }

    private static WebEndpointResponse<Object> notFound(String[] target) {
        return new WebEndpointResponse<>(new ErrorDescriptor("no process '" + SupervisionEndpoint.join(target)
                + "' (give a registered name, a child id path such as db/connector, or a pid such as 0.150.0)"),
                WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
