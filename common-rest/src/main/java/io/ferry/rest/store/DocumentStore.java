package io.ferry.rest.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.messaging.inbox.WriteConflictException;
import io.ferry.rest.Etags;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.query.CollectionQuery;
import io.ferry.rest.query.SortKey;
import io.ferry.rest.query.SqlBuilder;
import io.ferry.rest.query.SqlFragment;
import io.ferry.rest.query.WhereParser;
import io.ferry.rest.schema.ResourceSchema;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Documents of any resource in their table ({@code id, org_id, created_at, updated_at, etag, revision,
 * doc jsonb} plus generated typed columns). A document's ETag is {@link Etags#of} its id and revision; writers that
 * store documents by SQL of their own (progress-service's upsert) only count revisions, and their tables need no
 * {@code etag} column. Every statement is scoped to one organisation and runs in the
 * caller's Hibernate Reactive session, so that writes share the caller's transaction (and its outbox).
 */
@ApplicationScoped
public class DocumentStore {

    /** How often {@link #modify} reads and applies its change before it gives up on a document that keeps changing. */
    public static final int MODIFY_ATTEMPTS = 5;

    private static final String COLUMNS = "id, extract(epoch from created_at)::bigint, extract(epoch from updated_at)::bigint, "
            + "revision, doc::text";

    /** JSON equality that takes numbers by value: a document read back has 5 where a writer may have put 5L. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private final ObjectMapper mapper;

    public DocumentStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Optional<StoredDocument>> find(ResourceSchema schema, String orgId, String id) {
        String sql = "SELECT " + COLUMNS + " FROM " + schema.table() + " WHERE id = :p0 AND org_id = :p1";
        return query(sql, List.of(id, orgId)).map(rows -> rows.stream().findFirst().map(row -> toDocument(row, orgId)));
    }

    /**
     * Like {@link #find(ResourceSchema, String, String)}, and locks the document's row until the transaction
     * ends, so that writers of one document (several consumers, a request) take turns.
     */
    public Uni<Optional<StoredDocument>> findForUpdate(ResourceSchema schema, String orgId, String id) {
        String sql = "SELECT " + COLUMNS + " FROM " + schema.table() + " WHERE id = :p0 AND org_id = :p1 FOR UPDATE";
        return query(sql, List.of(id, orgId)).map(rows -> rows.stream().findFirst().map(row -> toDocument(row, orgId)));
    }

    /** Whether any organisation has a document with this id (ids are unique across organisations). */
    public Uni<Boolean> idTaken(ResourceSchema schema, String id) {
        return countQuery("SELECT count(*) FROM " + schema.table() + " WHERE id = :p0", List.of(id)).map(count -> count > 0);
    }

    /** How many documents of the organisation match a {@code where} clause (Eve syntax). */
    public Uni<Long> count(ResourceSchema schema, String orgId, String where) {
        List<Object> parameters = new ArrayList<>();
        SqlBuilder builder = new SqlBuilder(parameters);
        String sql = "SELECT count(*) FROM " + schema.table() + " WHERE org_id = " + builder.bind(orgId) + " AND "
                + builder.sql(WhereParser.parse(schema, where));
        return countQuery(sql, parameters);
    }

    /** The first documents of the organisation that match a {@code where} clause, newest first. */
    public Uni<List<StoredDocument>> find(ResourceSchema schema, String orgId, String where, int limit) {
        return list(schema, orgId, CollectionQuery.parse(schema, where, "-_created", null, Integer.toString(limit), null, limit))
                .map(Page::items);
    }

    /** One page of documents matching the query, and how many match in all. */
    public Uni<Page> list(ResourceSchema schema, String orgId, CollectionQuery collectionQuery) {
        ListStatements statements = listStatements(schema, orgId, collectionQuery);
        return query(statements.page().sql(), statements.page().parameters())
                .chain(rows -> countQuery(statements.count().sql(), statements.count().parameters())
                        .map(total -> new Page(rows.stream().map(row -> toDocument(row, orgId)).toList(), total)));
    }

    /** The statements a list runs: the page and the total count. */
    public static ListStatements listStatements(ResourceSchema schema, String orgId, CollectionQuery collectionQuery) {
        List<Object> parameters = new ArrayList<>();
        SqlBuilder builder = new SqlBuilder(parameters);
        String where = " WHERE org_id = " + builder.bind(orgId) + " AND " + builder.sql(collectionQuery.where());
        SqlFragment count = new SqlFragment("SELECT count(*) FROM " + schema.table() + where, List.copyOf(parameters));
        String page = "SELECT " + COLUMNS + " FROM " + schema.table() + where + orderBy(collectionQuery.sort())
                + " LIMIT " + builder.bind((long) collectionQuery.maxResults())
                + " OFFSET " + builder.bind(collectionQuery.offset());
        return new ListStatements(new SqlFragment(page, parameters), count);
    }

    /** Stores a new document under {@code id} (from {@link ObjectIds#next()}). */
    public Uni<StoredDocument> insert(ResourceSchema schema, String orgId, String id, ObjectNode doc) {
        Instant now = now();
        StoredDocument stored = new StoredDocument(id, orgId, now, now, Etags.of(id, 1), 1, doc);
        String sql = "INSERT INTO " + schema.table() + " (id, org_id, created_at, updated_at, etag, revision, doc) "
                + "VALUES (:p0, :p1, :p2, :p2, :p3, 1, CAST(CAST(:p4 AS text) AS jsonb))";
        return execute(sql, List.of(id, orgId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), stored.etag(), json(doc)))
                .replaceWith(stored);
    }

    /**
     * Replaces the document if it is still at {@code current}'s revision.
     *
     * @return the new document, or empty when another write got there first
     */
    public Uni<Optional<StoredDocument>> update(ResourceSchema schema, StoredDocument current, ObjectNode doc) {
        Instant now = now();
        long revision = current.revision() + 1;
        StoredDocument updated = new StoredDocument(current.id(), current.orgId(), current.created(), now,
                Etags.of(current.id(), revision), revision, doc);
        String sql = "UPDATE " + schema.table() + " SET doc = CAST(CAST(:p0 AS text) AS jsonb), etag = :p1, revision = :p2, "
                + "updated_at = :p3 WHERE id = :p4 AND org_id = :p5 AND revision = :p6";
        return execute(sql, List.of(json(doc), updated.etag(), revision, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                current.id(), current.orgId(), current.revision()))
                .map(rows -> rows == 1 ? Optional.of(updated) : Optional.empty());
    }

    /**
     * Changes a document by a function of its newest version, for writers that own part of it (a status) while
     * users may change the rest at any time. The update runs under the revision check; when another write landed
     * between the read and the update (a user's PATCH, another consumer), the document is read again and
     * {@code change} applied to that, up to {@value #MODIFY_ATTEMPTS} times in all. Then it fails with a
     * {@link WriteConflictException}, a transient failure: a consumer retries its whole event, a request answers 503.
     * Runs in the caller's transaction, whose statements each see the newest committed data (read committed).
     *
     * @param change a pure function from a copy of the newest document to the new one; an equal document (numbers
     *               compared by value) means no change, and nothing is written
     * @return the document as stored afterwards (the one read when nothing changed); empty when there is none
     */
    public Uni<Optional<StoredDocument>> modify(ResourceSchema schema, String orgId, String id, UnaryOperator<ObjectNode> change) {
        return modify(schema, orgId, id, change, 1);
    }

    /**
     * {@link #modify(ResourceSchema, String, String, UnaryOperator)} on a typed part of the document: {@code change}
     * maps the part as {@code view} reads it to its new value; an equal value means no change.
     */
    public <T> Uni<Optional<StoredDocument>> modify(ResourceSchema schema, String orgId, String id, DocumentView<T> view,
            UnaryOperator<T> change) {
        return modify(schema, orgId, id, document -> {
            T current = view.read(document);
            T next = change.apply(current);
            return next.equals(current) ? document : view.write(document, next);
        });
    }

    private Uni<Optional<StoredDocument>> modify(ResourceSchema schema, String orgId, String id, UnaryOperator<ObjectNode> change,
            int attempt) {
        return find(schema, orgId, id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            StoredDocument current = found.get();
            ObjectNode next = change.apply(current.doc().deepCopy());
            if (next.equals(NUMBERS_BY_VALUE, current.doc())) {
                return Uni.createFrom().item(found);
            }
            return update(schema, current, next).chain(updated -> {
                if (updated.isPresent()) {
                    return Uni.createFrom().item(updated);
                }
                if (attempt >= MODIFY_ATTEMPTS) {
                    return Uni.createFrom().failure(new WriteConflictException("Document " + id + " of " + schema.resource()
                            + " changed during each of " + attempt + " attempts to modify it"));
                }
                return modify(schema, orgId, id, change, attempt + 1);
            });
        });
    }

    /** @return true if deleted, false when another write changed or deleted it first */
    public Uni<Boolean> delete(ResourceSchema schema, StoredDocument current) {
        String sql = "DELETE FROM " + schema.table() + " WHERE id = :p0 AND org_id = :p1 AND revision = :p2";
        return execute(sql, List.of(current.id(), current.orgId(), current.revision())).map(rows -> rows == 1);
    }

    private static String orderBy(List<SortKey> sort) {
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey key : sort) {
            order.add(key.field().sql() + direction(key));
        }
        if (sort.isEmpty()) {
            order.add("created_at");
        }
        order.add(!sort.isEmpty() && sort.get(0).descending() ? "id DESC" : "id");
        return order.toString();
    }

    /**
     * Missing values sort lowest, as in Eve (MongoDB). Meta columns are never null, so they take the plain
     * direction, which lets PostgreSQL walk their indexes either way.
     */
    private static String direction(SortKey key) {
        if (key.field().isMeta()) {
            return key.descending() ? " DESC" : " ASC";
        }
        return key.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST";
    }

    private Uni<List<Object[]>> query(String sql, List<Object> parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter("p" + i, parameters.get(i));
            }
            return query.getResultList();
        });
    }

    private Uni<Long> countQuery(String sql, List<Object> parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Long> query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter("p" + i, parameters.get(i));
            }
            return query.getSingleResult();
        });
    }

    private Uni<Integer> execute(String sql, List<Object> parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.MutationQuery query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter("p" + i, parameters.get(i));
            }
            return query.executeUpdate();
        });
    }

    private StoredDocument toDocument(Object[] row, String orgId) {
        try {
            String id = row[0].toString().trim();
            long revision = ((Number) row[3]).longValue();
            return new StoredDocument(id, orgId,
                    Instant.ofEpochSecond(((Number) row[1]).longValue()),
                    Instant.ofEpochSecond(((Number) row[2]).longValue()),
                    Etags.of(id, revision), revision,
                    (ObjectNode) mapper.readTree(row[4].toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored document is not valid JSON", e);
        }
    }

    private String json(ObjectNode doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A document always serialises", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The SQL of a list: one page, and the count of all matching documents. */
    public record ListStatements(SqlFragment page, SqlFragment count) {
    }

    /** A page of documents and the number of all matching documents. */
    public record Page(List<StoredDocument> items, long total) {
    }
}
