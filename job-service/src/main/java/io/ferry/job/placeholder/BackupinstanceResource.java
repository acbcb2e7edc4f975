package io.ferry.job.placeholder;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code /api/v1/backupinstances}: a placeholder until restores exist (a later issue). Always empty and read-only
 * (405 on writes); it exists because the Rancher extension loads it on a cluster's page and gives up on the page
 * when it fails. The fields are the ones clients filter and sort on.
 */
@Path("/api/v1/backupinstances")
public class BackupinstanceResource extends EveReadResource {

    static final ResourceSchema SCHEMA = ResourceSchema.of("backupinstances", "Backupinstance", "backupinstance",
            Field.string("name"),
            Field.objectId("cluster"),
            Field.objectId("backupdef"),
            Field.objectId("objectstore"),
            Field.string("state"),
            Field.integer("start_time"));

    public BackupinstanceResource(EveEndpoints endpoints) {
        super(SCHEMA, endpoints);
    }
}
