package io.ferry.job.placeholder;

import jakarta.ws.rs.Path;

import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;

/**
 * {@code /api/v1/backupinstances}: a placeholder until restores exist (a later issue). Always empty and read-only
 * (405 on writes); it exists because the Rancher extension loads it on a cluster's page and gives up on the page
 * when it fails.
 */
@Path("/api/v1/backupinstances")
public class BackupinstanceResource extends EveReadResource {

    public BackupinstanceResource(EveEndpoints endpoints) {
        super(BackupinstanceSchema.SCHEMA, endpoints);
    }
}
