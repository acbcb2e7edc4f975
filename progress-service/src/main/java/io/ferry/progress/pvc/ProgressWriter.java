package io.ferry.progress.pvc;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.rest.ObjectIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes a batch of PVC updates in one round trip: an upsert over arrays that creates new records and
 * replaces existing ones only with a newer sequence, so stale and repeated updates change nothing. An
 * unfinished update of a job that ended FAILED or CANCELLED ({@code job_outcome}) is stored FAILED, as the
 * job's other unfinished PVCs are ({@link UnfinishedPvcs}). Each write is a new revision of the document, whose ETag
 * follows from it ({@code Etags}) when the document is read.
 */
@ApplicationScoped
public class ProgressWriter {

    /** Public for the benchmark, which measures the same statement directly. */
    public static final String UPSERT = """
            INSERT INTO kubepvcprogress (id, org_id, created_at, updated_at, revision, doc, sequence)
            SELECT u.id, u.org_id, date_trunc('second', now()), date_trunc('second', now()), 1,
                   pvc_after_job(u.doc, o.message, o.end_time), u.sequence
            FROM (SELECT id, org_id, sequence, doc::jsonb AS doc
                  FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS r(id, org_id, sequence, doc)) AS u
            LEFT JOIN job_outcome o ON o.org_id = u.org_id AND o.job_id = u.doc ->> 'job_id'
            ON CONFLICT (org_id, job_id, op_type, namespace, name) DO UPDATE SET
                updated_at = EXCLUDED.updated_at,
                revision = kubepvcprogress.revision + 1,
                doc = EXCLUDED.doc,
                sequence = EXCLUDED.sequence
            WHERE kubepvcprogress.sequence < EXCLUDED.sequence""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public ProgressWriter(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * @param records at most one record per PVC key
     * @return how many records were created or replaced
     */
    public Uni<Integer> write(Collection<ProgressRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] ids = new String[records.size()];
        String[] orgs = new String[records.size()];
        Long[] sequences = new Long[records.size()];
        String[] docs = new String[records.size()];
        int i = 0;
        for (ProgressRecord record : records) {
            ids[i] = ObjectIds.next();
            orgs[i] = record.orgId();
            sequences[i] = record.update().sequence();
            docs[i] = json(record);
            i++;
        }
        // On a borrowed connection rather than Pool.preparedQuery: see DatabaseReadiness for the pool's timer bug.
        return pool.withConnection(connection -> connection.preparedQuery(UPSERT).execute(Tuple.of(ids, orgs, sequences, docs)))
                .map(rows -> rows.rowCount());
    }

    private String json(ProgressRecord record) {
        try {
            return mapper.writeValueAsString(record.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A progress document always serialises", e);
        }
    }
}
