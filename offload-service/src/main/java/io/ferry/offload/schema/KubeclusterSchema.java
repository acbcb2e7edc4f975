package io.ferry.offload.schema;

import io.ferry.events.vocabulary.ClusterState;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.Field.ColumnType;
import io.ferry.rest.schema.ResourceSchema;

/** {@code kubeclusters}: the registered Kubernetes clusters. */
public final class KubeclusterSchema {

    public static final ResourceSchema SCHEMA = ResourceSchema.of("kubeclusters", "Kubecluster", "kubecluster",
            Field.nameField().column("name", ColumnType.TEXT),
            Field.string("description"),
            Field.dict("backup_provider",
                    Field.string("type").nullable(),
                    Field.string("region").nullable(),
                    Field.objectId("user_objectstore").nullable()),
            Field.dict("status",
                    Field.string("state").allowed(ClusterState.known().toArray()),
                    Field.string("message"),
                    Field.string("agentURL"),
                    Field.integer("last_heartbeat")).readOnly());

    private KubeclusterSchema() {
    }
}
