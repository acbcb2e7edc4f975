package io.ferry.endpoint.command;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.endpoint.EndpointConfig;
import io.ferry.endpoint.access.AgentAuthenticator;
import io.ferry.endpoint.access.AgentIdentity;
import io.ferry.endpoint.command.Deliveries.Delivery;
import io.ferry.events.StructuredEvents;
import io.ferry.rest.error.EveException;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /agent/v1/commands?cursor=<c>&wait=<seconds>}: the next commands for the agent's cluster(s), as
 * structured CloudEvents, waiting up to {@code wait} for the first (long poll). Handing back the cursor of the
 * previous answer confirms that the agent has acted on those commands (it is stored for every endpoint instance); an
 * agent without a cursor (new, restarted, or come to another instance) goes on from its last confirmed one, so
 * delivery is at least once. Before an answer names a job or an objectstore check, the endpoint records that this
 * cluster was given it: the only reports it takes about them are this cluster's.
 */
@Path("/agent/v1/commands")
public class CommandsResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AgentAuthenticator authenticator;
    private final CursorStore cursors;
    private final CommandReader reader;
    private final Deliveries deliveries;
    private final Duration maxWait;

    public CommandsResource(AgentAuthenticator authenticator, CursorStore cursors, CommandReader reader, Deliveries deliveries,
            EndpointConfig config) {
        this.authenticator = authenticator;
        this.cursors = cursors;
        this.reader = reader;
        this.deliveries = deliveries;
        this.maxWait = config.pollWait();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> next(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("cursor") String cursor,
            @QueryParam("wait") String waitSeconds) {
        CommandCursor confirmed = CommandCursor.parse(cursor);
        Duration wait = wait(waitSeconds);
        return authenticator.authenticate(authorization).chain(agent -> audience(agent)
                .chain(audience -> cursors.confirm(agent.agentName(), confirmed)
                        .chain(() -> cursors.confirmed(agent.agentName()))
                        .chain(from -> reader.read(agent.clusterId(), audience, from, wait))
                        .chain(batch -> deliveries.record(deliveriesOf(batch)).replaceWith(answer(batch)))));
    }

    private Duration wait(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return maxWait;
        }
        long parsed;
        try {
            parsed = Long.parseLong(seconds.trim());
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed < 0) {
            throw EveException.badRequest("wait must be a number of seconds, 0 or more, not '" + seconds + "'");
        }
        Duration wait = Duration.ofSeconds(Math.min(parsed, maxWait.toSeconds()));
        return wait;
    }

    private Uni<Audience> audience(AgentIdentity agent) {
        return agent.isLocal()
                ? authenticator.allClusters().map(clusters -> new LocalAudience(authenticator, clusters))
                : Uni.createFrom().item(new ClusterAudience(agent));
    }

    private static List<Delivery> deliveriesOf(CommandReader.Batch batch) {
        return batch.commands().stream()
                .filter(command -> command.about().subjectId() != null)
                .map(command -> new Delivery(command.about().subjectId(), command.about().clusterId(), command.event().orgId()))
                .toList();
    }

    private static ObjectNode answer(CommandReader.Batch batch) {
        ObjectNode answer = JSON.objectNode().put("cursor", batch.next().format());
        answer.set("commands", StructuredEvents.writeBatch(batch.commands().stream().map(CommandReader.Command::event).toList()));
        return answer;
    }
}
