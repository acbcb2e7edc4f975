package io.ferry.offload.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.validation.DocumentValidator;
import io.ferry.rest.validation.DocumentValidator.Mode;

/**
 * The body of {@code action/run}: {@code {"retention":{"retainDays":N},"runBackup":bool}}, checked like a
 * document (422 with Eve's issues).
 *
 * @param retainDays how long the result is kept (required, at least 1)
 * @param runBackup  kubeoffloads only: take a snapshot first (default false)
 */
public record RunRequest(int retainDays, boolean runBackup) {

    private static final Field RETENTION = Field.dict("retention",
            Field.integer("retainDays").required().min(1).max(36_500)).required();

    /** The run body of a kubeoffload. */
    private static final ResourceSchema OFFLOAD_RUN = ResourceSchema.of("run", "Run", "run", RETENTION,
            Field.bool("runBackup").defaultValue(false));

    /** The run body of a kubebackup (no runBackup: it is the backup). */
    private static final ResourceSchema BACKUP_RUN = ResourceSchema.of("run", "Run", "run", RETENTION);

    public static RunRequest offload(JsonNode body) {
        return parse(OFFLOAD_RUN, body);
    }

    public static RunRequest backup(JsonNode body) {
        return parse(BACKUP_RUN, body);
    }

    private static RunRequest parse(ResourceSchema schema, JsonNode body) {
        ObjectNode valid = DocumentValidator.validate(schema, body, Mode.WHOLE);
        return new RunRequest(valid.get("retention").get("retainDays").asInt(),
                valid.has("runBackup") && valid.get("runBackup").asBoolean());
    }
}
