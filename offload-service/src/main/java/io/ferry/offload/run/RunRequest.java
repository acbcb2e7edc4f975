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
 * @param runBackup  kubeoffloads only: take a snapshot first (default false). Clients send it to kubebackups too
 *                   (the Terraform provider, the Rancher extension), where it means nothing: accepted, ignored.
 */
public record RunRequest(int retainDays, boolean runBackup) {

    private static final Field RETENTION = Field.dict("retention",
            Field.integer("retainDays").required().min(1).max(36_500)).required();

    /** The body's schema (also its API description, as {@code RunRequest}). */
    public static final ResourceSchema SCHEMA = ResourceSchema.of("run", "RunRequest", "run", RETENTION,
            Field.bool("runBackup").defaultValue(false));

    public static RunRequest offload(JsonNode body) {
        return parse(body);
    }

    /** A kubebackup's run is the snapshot itself: a runBackup sent along is ignored. */
    public static RunRequest backup(JsonNode body) {
        return new RunRequest(parse(body).retainDays(), false);
    }

    private static RunRequest parse(JsonNode body) {
        ObjectNode valid = DocumentValidator.validate(SCHEMA, body, Mode.WHOLE);
        return new RunRequest(valid.get("retention").get("retainDays").asInt(),
                valid.has("runBackup") && valid.get("runBackup").asBoolean());
    }
}
