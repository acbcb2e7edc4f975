package io.ferry.progress.pvc;

import jakarta.ws.rs.Path;

import io.ferry.progress.schema.KubepvcprogressSchema;
import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveReadResource;

/** {@code /api/v1/kubepvcprogress}; read only, written from events. */
@Path("/api/v1/kubepvcprogress")
public class KubepvcprogressResource extends EveReadResource {

    public KubepvcprogressResource(EveEndpoints endpoints) {
        super(KubepvcprogressSchema.SCHEMA, endpoints);
    }
}
