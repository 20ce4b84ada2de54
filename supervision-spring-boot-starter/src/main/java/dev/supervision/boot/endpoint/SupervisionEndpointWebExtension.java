package dev.supervision.boot.endpoint;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The HTTP answers of the {@link SupervisionEndpoint}: {@code 404} with an {@link ErrorDescriptor}
 * for a target that names no process or a node nobody knows, {@code 400} for an unknown signal,
 * {@code 409} for an unconfirmed signal to a root; with a cluster, {@code ?node=} (or
 * {@code "node"} in a signal's body) addresses another node: {@code 503} when it is down,
 * {@code 504} when it does not answer within {@code supervision.cluster.remote-timeout}, {@code 403}
 * for a signal it does not accept.
 */
@EndpointWebExtension(endpoint = SupervisionEndpoint.class)
public class SupervisionEndpointWebExtension {

    private static final int STATUS_FORBIDDEN = 403;
    private static final int STATUS_CONFLICT = 409;
    private static final int STATUS_UNAVAILABLE = 503;
    private static final int STATUS_GATEWAY_TIMEOUT = 504;

    private final SupervisionEndpoint delegate;

    /** HTTP answers for {@code delegate}. */
    public SupervisionEndpointWebExtension(SupervisionEndpoint delegate) {
        this.delegate = delegate;
    }

    /** {@code GET /actuator/supervision[?node=...]}: the tree of this node or of another one. */
    @ReadOperation
    public WebEndpointResponse<Object> tree(@Nullable String node) {
        return answer(() -> new WebEndpointResponse<>(delegate.tree(node)));
    }

    /** {@code GET /actuator/supervision/{target}[?node=...]}: one process, or {@code 404}. */
    @ReadOperation
    public WebEndpointResponse<Object> process(@Selector(match = Selector.Match.ALL_REMAINING) String[] target,
            @Nullable String node) {
        return answer(() -> {
            ProcessDescriptor found = delegate.processOn(node, target);
            return found == null ? notFound(target) : new WebEndpointResponse<>(found);
        });
    }

    /**
     * {@code POST /actuator/supervision/{target}} with {@code {"signal": "kill"}} (and {@code "node"}
     * for another node's process): the signal sent, or {@code 404} when no live process is there,
     * {@code 400} for an unknown signal, or {@code 409} for a signal to the root supervisor without
     * {@code "confirm": "root"}.
     */
    @WriteOperation
    public WebEndpointResponse<Object> signal(@Selector(match = Selector.Match.ALL_REMAINING) String[] target,
            @Nullable String signal, @Nullable String confirm, @Nullable String node) {
        return answer(() -> {
            try {
                SignalDescriptor sent = delegate.signalOn(node, target, signal, confirm);
                return sent == null ? notFound(target) : new WebEndpointResponse<>(sent);
            } catch (InvalidEndpointRequestException refused) {
                return error(refused.getReason(), WebEndpointResponse.STATUS_BAD_REQUEST);
            } catch (UnconfirmedRootSignalException refused) {
                return error(refused.getMessage(), STATUS_CONFLICT);
            } catch (RemoteSignalRefusedException refused) {
                return error(refused.getMessage(), STATUS_FORBIDDEN);
            }
        });
    }

    /** Runs {@code operation}, answering what the cluster refuses. */
    private static WebEndpointResponse<Object> answer(Supplier<WebEndpointResponse<Object>> operation) {
        try {
            return operation.get();
        } catch (UnknownNodeException unknown) {
            return error(unknown.getMessage(), WebEndpointResponse.STATUS_NOT_FOUND);
        } catch (NodeUnavailableException unavailable) {
            return error(unavailable.getMessage(), unavailable.timedOut() ? STATUS_GATEWAY_TIMEOUT : STATUS_UNAVAILABLE);
        }
    }

    private static WebEndpointResponse<Object> error(String message, int status) {
        return new WebEndpointResponse<>(new ErrorDescriptor(message), status);
    }

    private static WebEndpointResponse<Object> notFound(String[] target) {
        return error("no process '" + SupervisionEndpoint.join(target)
                + "' (give a registered name, a child id path such as db/connector, or a pid such as 0.150.0)",
                WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
