package io.ferry.job.backupinstance;

import jakarta.ws.rs.Path;

import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;

/**
 * {@code /api/v1/backupinstances}: the recovery points of the caller's organisation, read-only (405 on writes):
 * {@link BackupInstances} writes them as jobs make them.
 */
@Path("/api/v1/backupinstances")
public class BackupinstanceResource extends EveReadResource {

    public BackupinstanceResource(EveEndpoints endpoints) {
        super(BackupinstanceSchema.SCHEMA, endpoints);
    }
}
