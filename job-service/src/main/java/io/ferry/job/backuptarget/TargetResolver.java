package io.ferry.job.backuptarget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.job.OffloadProvider;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.objectstore.ObjectstoreViews;
import io.smallrye.mutiny.Uni;

/**
 * Chooses where a job's copy goes, from its kubeoffload's offload provider ({@link TargetMapping}): nothing named,
 * the agent's default target; a {@code user_objectstore}, that objectstore of the job's organisation as the read model
 * has it; a type and region, the provider-managed storage {@link ManagedStorageConfig} configures. Jobs other than
 * K8S_COPY copy nothing and have no target. Runs in the caller's transaction.
 */
@ApplicationScoped
public class TargetResolver {

    private final ObjectstoreViews objectstores;
    private final ManagedStorageConfig managedStorage;

    public TargetResolver(ObjectstoreViews objectstores, ManagedStorageConfig managedStorage) {
        this.objectstores = objectstores;
        this.managedStorage = managedStorage;
    }

    public Uni<TargetChoice> resolve(String orgId, JobType type, OffloadProvider provider) {
        if (type != JobType.K8S_COPY || TargetMapping.namesNothing(provider)) {
            return Uni.createFrom().item(TargetChoice.agentDefault());
        }
        Optional<String> objectstore = TargetMapping.objectstoreId(provider);
        if (objectstore.isPresent()) {
            return objectstores.find(orgId, objectstore.get()).map(found -> TargetMapping.objectstore(objectstore.get(), found));
        }
        return Uni.createFrom().item(TargetMapping.managed(provider.type(), provider.region(), orgId, managedStorage.providers()));
    }
}
