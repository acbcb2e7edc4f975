package io.ferry.endpoint.command;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.ferry.rest.error.EveException;

/**
 * Where an agent's command stream stands: per partition of {@code ferry.agent-commands}, the offset of the next
 * record to look at. On the wire an opaque string ({@code 0:17,2:5}) the agent hands back to confirm it has acted on
 * everything before it.
 */
public record CommandCursor(Map<Integer, Long> next) {

    public CommandCursor {
        next = Map.copyOf(next);
    }

    public static CommandCursor empty() {
        return new CommandCursor(Map.of());
    }

    /** @throws EveException 400 when it is not a cursor this endpoint gave out */
    public static CommandCursor parse(String text) {
        Map<Integer, Long> next = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return empty();
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.split(":", -1);
            try {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (parts.length != 2 || partition < 0 || offset < 0) {
                    throw new NumberFormatException(entry);
                }
                next.put(partition, offset);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw EveException.badRequest("cursor '" + text + "' is not one this endpoint gave out");
            }
        }
        return new CommandCursor(next);
    }

    /** This cursor, moved on by {@code later} where it has positions. */
    public CommandCursor then(CommandCursor later) {
        Map<Integer, Long> merged = new TreeMap<>(next);
        merged.putAll(later.next);
        return new CommandCursor(merged);
    }

    public String format() {
        return new TreeMap<>(next).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
