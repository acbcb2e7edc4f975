package io.ferry.scheduler.policy;

import jakarta.ws.rs.Path;

import io.ferry.rest.EveEndpoints;
import io.ferry.rest.EveResource;
import io.ferry.scheduler.schema.PolicySchema;

/** {@code /api/v1/policies}. */
@Path("/api/v1/policies")
public class PolicyResource extends EveResource {

    public PolicyResource(EveEndpoints endpoints, PolicyHooks hooks) {
        super(PolicySchema.SCHEMA, endpoints, hooks);
    }
}
