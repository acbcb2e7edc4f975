package io.ferry.progress.schema;

import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.schema.TransferStatsFields;

/**
 * {@code kubepvcprogress} (seed: "Reporting PVC progress"): one document per PVC of a job. The field names are spelled
 * here once: the schema and {@code ProgressRecord} share these constants.
 */
public final class KubepvcprogressSchema {

    public static final String NAME = "name";
    public static final String NAMESPACE = "namespace";
    public static final String JOB_ID = "job_id";
    public static final String STATE = "state";
    public static final String MESSAGE = "message";
    public static final String START_TIME = "start_time";
    public static final String END_TIME = "end_time";
    public static final String OP_TYPE = "op_type";
    public static final String SNAPSHOT_PROGRESS_PERCENTAGE = "snapshot_progress_percentage";

    /** The seed's item title is "Kubepvcprogre"; clients compare it, so it is kept. */
    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubepvcprogress", "Kubepvcprogre", "kubepvcprogress",
            Field.string(NAME).column(NAME, ColumnType.TEXT),
            Field.string(NAMESPACE).column(NAMESPACE, ColumnType.TEXT),
            Field.objectId(JOB_ID).references("jobs", "Job").column(JOB_ID, ColumnType.TEXT),
            Field.string(STATE).column(STATE, ColumnType.TEXT),
            Field.string(MESSAGE),
            Field.integer(START_TIME),
            Field.integer(END_TIME),
            Field.string(OP_TYPE).column(OP_TYPE, ColumnType.TEXT),
            Field.integer(SNAPSHOT_PROGRESS_PERCENTAGE),
            TransferStatsFields.stats());

    private KubepvcprogressSchema() {
    }
}
