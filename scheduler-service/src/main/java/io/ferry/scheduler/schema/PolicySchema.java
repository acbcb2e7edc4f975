package io.ferry.scheduler.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/**
 * {@code policies}: {@code {name, timezone, schedules:[{retainDays, locked, schedule}]}} where a schedule is
 * {@code {cronSpec}} or the five fields; responses carry both.
 */
public final class PolicySchema {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("policies", "Policy", "policy",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.string("timezone").defaultValue("UTC"),
            Field.list("schedules", Field.dict("entry",
                    Field.integer("retainDays").required().min(1).max(36_500),
                    Field.bool("locked").defaultValue(false),
                    Field.dict("schedule",
                            Field.string("cronSpec"),
                            Field.string("minute"), Field.string("hour"), Field.string("dayOfMonth"),
                            Field.string("month"), Field.string("dayOfWeek")).required())).required());

    private PolicySchema() {
    }
}
