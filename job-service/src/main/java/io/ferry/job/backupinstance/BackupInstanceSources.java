package io.ferry.job.backupinstance;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventJson;
import io.ferry.events.job.TargetSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code backupinstance_source}: the job that makes each backupinstance and where its copy went, in the caller's
 * transaction. Never shown over REST: a target names the Secret that holds the objectstore's credentials.
 */
@ApplicationScoped
public class BackupInstanceSources {

    /** A backupinstance's source: its id, the job that makes it, where that job's data went (null: the agent's default). */
    public record Source(String backupInstanceId, String backupJobId, TargetSpec target) {
    }

    private static final String INSERT = """
            INSERT INTO backupinstance_source (backupinstance_id, org_id, backup_job_id, target)
            VALUES (:id, :org, :job, CAST(CAST(:target AS text) AS jsonb))""";
    private static final String BY_JOB = """
            SELECT backupinstance_id, backup_job_id, CAST(target AS text) FROM backupinstance_source
            WHERE backup_job_id = :job AND org_id = :org""";
    private static final String BY_ID = """
            SELECT backupinstance_id, backup_job_id, CAST(target AS text) FROM backupinstance_source
            WHERE backupinstance_id = :id AND org_id = :org""";
    private static final String DELETE = "DELETE FROM backupinstance_source WHERE backupinstance_id = :id";

    public Uni<Void> insert(String orgId, Source source) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", source.backupInstanceId()).setParameter("org", orgId).setParameter("job", source.backupJobId())
                .setParameter("target", source.target() == null ? null : EventJson.write(source.target()))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Source>> ofJob(String orgId, String jobId) {
        return find(BY_JOB, "job", jobId, orgId);
    }

    public Uni<Optional<Source>> of(String orgId, String backupInstanceId) {
        return find(BY_ID, "id", backupInstanceId, orgId);
    }

    public Uni<Void> delete(String backupInstanceId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE).setParameter("id", backupInstanceId).executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Optional<Source>> find(String query, String parameter, String value, String orgId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Object[].class)
                        .setParameter(parameter, value).setParameter("org", orgId).getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new Source(((String) row[0]).trim(), ((String) row[1]).trim(),
                        row[2] == null ? null : EventJson.read((String) row[2], TargetSpec.class))));
    }
}
