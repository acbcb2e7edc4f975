package io.ferry.offload.schema;

import io.ferry.events.vocabulary.ClusterState;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code kubeclusters}: the registered Kubernetes clusters. */
public final class KubeclusterSchema {

    public static final String STATUS = "status";
    public static final String STATE = "state";
    public static final String MESSAGE = "message";
    public static final String AGENT_URL = "agentURL";
    public static final String LAST_HEARTBEAT = "last_heartbeat";

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubeclusters", "Kubecluster", "kubecluster",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.string("description"),
            Field.dict("backup_provider",
                    Field.string("type").nullable(),
                    Field.string("region").nullable(),
                    Field.objectId("user_objectstore").nullable()),
            Field.dict(STATUS,
                    Field.string(STATE).allowed(ClusterState.known().toArray()),
                    Field.string(MESSAGE),
                    Field.string(AGENT_URL),
                    Field.integer(LAST_HEARTBEAT)).readOnly());

    private KubeclusterSchema() {
    }
}
