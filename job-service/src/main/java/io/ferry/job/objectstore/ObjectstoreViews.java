package io.ferry.job.objectstore;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventJson;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The objectstores of offload-service ({@code objectstore_view}) as ObjectstoreChanged/Deleted describe them, in the
 * caller's transaction. An event applies only when its revision is newer than the stored one, so a redelivered or
 * reordered event never rolls an objectstore back, and a deletion stays as a tombstone that a late change cannot
 * undo. An objectstore belongs to the organisation of its first event: events of another organisation for its id
 * change nothing.
 */
@ApplicationScoped
public class ObjectstoreViews {

    private static final String UPSERT = """
            INSERT INTO objectstore_view (id, org_id, revision, target, locked, deleted, updated_at)
            VALUES (:id, :org, :revision, CAST(CAST(:target AS text) AS jsonb), :locked, :deleted, now())
            ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, target = EXCLUDED.target, locked = EXCLUDED.locked,
                deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at
            WHERE objectstore_view.revision < EXCLUDED.revision AND objectstore_view.org_id = EXCLUDED.org_id""";
    private static final String FIND = """
            SELECT revision, CAST(target AS text), locked, deleted FROM objectstore_view WHERE id = :id AND org_id = :org""";

    /** @return true when the change was newer than what was stored */
    public Uni<Boolean> apply(String orgId, ObjectstoreChanged changed) {
        return upsert(orgId, changed.objectstoreId(), changed.revision(),
                changed.target() == null ? null : EventJson.write(changed.target()), changed.locked(), false);
    }

    /** @return true when the deletion was newer than what was stored */
    public Uni<Boolean> apply(String orgId, ObjectstoreDeleted deleted) {
        return upsert(orgId, deleted.objectstoreId(), deleted.revision(), null, false, true);
    }

    /** The organisation's objectstore of that id, a tombstone included; empty when it has none of that id. */
    public Uni<Optional<Objectstore>> find(String orgId, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, Object[].class)
                        .setParameter("id", id).setParameter("org", orgId).getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new Objectstore(id, orgId, ((Number) row[0]).longValue(),
                        row[1] == null ? null : EventJson.read((String) row[1], TargetSpec.class), (Boolean) row[2], (Boolean) row[3])));
    }

    private static Uni<Boolean> upsert(String orgId, String id, long revision, String target, boolean locked, boolean deleted) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("id", id).setParameter("org", orgId).setParameter("revision", revision)
                        .setParameter("target", target).setParameter("locked", locked).setParameter("deleted", deleted)
                        .executeUpdate())
                .map(changed -> changed > 0);
    }
}
