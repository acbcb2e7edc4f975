package io.ferry.endpoint.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each agent's confirmed position in its command stream, shared by every endpoint instance: an agent that comes back
 * without its cursor (restarted), or to another instance, goes on after the last batch it confirmed.
 */
@ApplicationScoped
public class CursorStore {

    private static final String CONFIRM = """
            INSERT INTO agent_cursor (agent, partition, next_offset) VALUES ($1, $2, $3)
            ON CONFLICT (agent, partition) DO UPDATE SET next_offset = GREATEST(agent_cursor.next_offset, EXCLUDED.next_offset)""";

    private final Pool pool;

    public CursorStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<CommandCursor> confirmed(String agent) {
        return pool.withConnection(connection -> connection.preparedQuery("SELECT partition, next_offset FROM agent_cursor WHERE agent = $1")
                .execute(Tuple.of(agent)))
                .map(rows -> {
                    Map<Integer, Long> next = new HashMap<>();
                    rows.forEach(row -> next.put(row.getInteger("partition"), row.getLong("next_offset")));
                    return new CommandCursor(next);
                });
    }

    /** Records that the agent has acted on everything before {@code cursor}; a position never moves back. */
    public Uni<Void> confirm(String agent, CommandCursor cursor) {
        if (cursor.next().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        cursor.next().forEach((partition, offset) -> rows.add(Tuple.of(agent, partition, offset)));
        return pool.withConnection(connection -> connection.preparedQuery(CONFIRM).executeBatch(rows)).replaceWithVoid();
    }
}
