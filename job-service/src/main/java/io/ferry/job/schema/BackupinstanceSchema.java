package io.ferry.job.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code backupinstances}: a placeholder until restores exist (a later issue). The fields are the ones clients filter
 * and sort on.
 */
public final class BackupinstanceSchema {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("backupinstances", "Backupinstance", "backupinstance",
            Field.string("name"),
            Field.objectId("cluster"),
            Field.objectId("backupdef"),
            Field.objectId("objectstore"),
            Field.string("state"),
            Field.integer("start_time"));

    private BackupinstanceSchema() {
    }
}
