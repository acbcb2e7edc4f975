package io.ferry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.ferry.rest.query.CollectionQuery;
import io.ferry.rest.query.SqlFragment;
import io.ferry.rest.sample.SampleResource;
import io.ferry.rest.store.DocumentStore;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL a collection GET runs uses the table's indexes for the common queries. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final String ORG = "org-plan";

    @Inject
    Pool pool;

    @BeforeAll
    void manyDocumentsInManyOrganisations() {
        pool.query("""
                INSERT INTO sample (id, org_id, created_at, updated_at, etag, revision, doc)
                SELECT lpad(to_hex(n), 24, '0'), 'org-plan-' || (n % 50), now() - n * interval '1 second', now(),
                       repeat('0', 40), 1,
                       jsonb_build_object('name', 'n' || n, 'state', (ARRAY['PENDING','RUNNING','DONE'])[1 + n % 3], 'size', n)
                FROM generate_series(1, 30000) AS n
                ON CONFLICT DO NOTHING""").execute().await().atMost(Duration.ofSeconds(60));
        pool.query("ANALYZE sample").execute().await().atMost(Duration.ofSeconds(60));
    }

    @Test
    void whereOnAnIndexedColumnSortedByCreatedUsesTheIndex() {
        String plan = explain(CollectionQuery.parse(SampleResource.SCHEMA, "{\"state\":\"RUNNING\"}", "-_created", null,
                null, null, 500));
        assertThat(plan).contains("sample_org_state_created").doesNotContain("Seq Scan");
    }

    @Test
    void theDefaultListingUsesTheOrganisationIndex() {
        String plan = explain(CollectionQuery.parse(SampleResource.SCHEMA, null, null, null, null, null, 500));
        assertThat(plan).contains("sample_org_created").doesNotContain("Seq Scan");
    }

    @Test
    void sortingByAnIndexedColumnDescendingUsesItsIndex() {
        String plan = explain(CollectionQuery.parse(SampleResource.SCHEMA, null, "-size", null, null, null, 500));
        assertThat(plan).contains("sample_org_size").doesNotContain("Seq Scan");
    }

    private String explain(CollectionQuery query) {
        SqlFragment page = DocumentStore.listStatements(SampleResource.SCHEMA, ORG + "-7", query).page();
        List<Object> parameters = new ArrayList<>();
        Matcher placeholder = Pattern.compile(":p(\\d+)").matcher(page.sql());
        StringBuilder sql = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            parameters.add(page.parameters().get(index));
            placeholder.appendReplacement(sql, "\\$" + parameters.size());
        }
        placeholder.appendTail(sql);
        StringBuilder plan = new StringBuilder();
        for (Row row : pool.preparedQuery("EXPLAIN " + sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))) {
            plan.append(row.getString(0)).append('\n');
        }
        return plan.toString();
    }
}
