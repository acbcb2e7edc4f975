package io.ferry.rest.query;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.error.EveException;

/**
 * Eve's {@code projection}: {@code {"name":1,"state":1}} keeps only those fields, {@code {"activity":0}} drops
 * those; meta fields always stay. Names the document does not have are ignored.
 */
public final class Projection {

    public static final Projection ALL = new Projection(Set.of(), false);

    private final Set<String> fields;
    private final boolean inclusive;

    private Projection(Set<String> fields, boolean inclusive) {
        this.fields = fields;
        this.inclusive = inclusive;
    }

    public static Projection parse(String projection) {
        if (projection == null || projection.isBlank()) {
            return ALL;
        }
        JsonNode tree = QueryJson.readObject(projection, "The projection", "{\"name\": 1}");
        Set<String> fields = new LinkedHashSet<>();
        Boolean inclusive = null;
        Iterator<Map.Entry<String, JsonNode>> entries = tree.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            boolean include;
            if (value.isBoolean()) {
                include = value.asBoolean();
            } else if (value.isIntegralNumber() && (value.asInt() == 0 || value.asInt() == 1)) {
                include = value.asInt() == 1;
            } else {
                throw EveException.badRequest("The projection of '" + entry.getKey() + "' must be 1 or 0.");
            }
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            if (inclusive != null && inclusive != include) {
                throw EveException.badRequest("The projection cannot both include and exclude fields.");
            }
            inclusive = include;
            fields.add(entry.getKey());
        }
        return inclusive == null ? ALL : new Projection(fields, inclusive);
    }

    /** Applies the projection to a document's own fields (not its meta fields). */
    public void apply(ObjectNode document) {
        if (fields.isEmpty()) {
            return;
        }
        if (inclusive) {
            document.retain(fields);
        } else {
            document.remove(fields);
        }
    }
}
