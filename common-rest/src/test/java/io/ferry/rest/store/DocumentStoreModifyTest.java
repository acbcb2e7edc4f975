package io.ferry.rest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.messaging.inbox.TransientFailures;
import io.ferry.messaging.inbox.WriteConflictException;
import io.ferry.rest.sample.SampleResource;
import io.ferry.rest.sample.Samples;
import io.ferry.rest.schema.ResourceSchema;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@link DocumentStore#modify}: another writer is made to commit between the modifier's read and its update (the race
 * a status writer loses to a user's PATCH), deterministically, by a store that runs that writer right before its update.
 */
@QuarkusTest
class DocumentStoreModifyTest {

    private static final ResourceSchema SCHEMA = SampleResource.SCHEMA;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @Inject
    DocumentStore store;

    private String org;
    private String id;

    @BeforeEach
    void sample() {
        org = "org-" + UUID.randomUUID();
        id = Samples.createId(org, "{\"name\":\"sample\",\"size\":0}");
    }

    @Test
    void aModifierThatLostTheRaceAppliesItsChangeToTheNewestDocumentSoBothChangesLand() throws Throwable {
        List<List<String>> seen = new CopyOnWriteArrayList<>();
        RacingStore racing = new RacingStore(mapper, 1, () -> inOwnTransaction(() -> store.modify(SCHEMA, org, id, tagged("b"))));

        Optional<StoredDocument> stored = transaction(() -> racing.modify(SCHEMA, org, id, document -> {
            seen.add(tags(document));
            return tagged("a").apply(document);
        }));

        assertThat(seen).containsExactly(List.of(), List.of("b"));
        assertThat(tags(stored.orElseThrow().doc())).containsExactly("b", "a");
        assertThat(stored.get().revision()).isEqualTo(3);
        Samples.as(org).get(Samples.PATH + "/" + id).then().statusCode(200)
                .body("tags", contains("b", "a"))
                .body("name", equalTo("sample"))
                .body("_etag", equalTo(stored.get().etag()));
    }

    @Test
    void aTypedViewIsReadFromTheNewestDocumentAndOnlyItsPartIsWritten() throws Throwable {
        List<Long> seen = new CopyOnWriteArrayList<>();
        RacingStore racing = new RacingStore(mapper, 1, () -> inOwnTransaction(() -> store.modify(SCHEMA, org, id,
                document -> document.put("size", 10).put("note", "changed by the user"))));

        Optional<StoredDocument> stored = transaction(() -> racing.modify(SCHEMA, org, id, SIZE, size -> {
            seen.add(size);
            return size + 1;
        }));

        assertThat(seen).containsExactly(0L, 10L);
        assertThat(stored.orElseThrow().doc().get("size").asLong()).isEqualTo(11);
        assertThat(stored.get().doc().get("note").asText()).isEqualTo("changed by the user");
    }

    @Test
    void aModifierThatKeepsLosingFailsWithATransientConflictAndWritesNothing() {
        AtomicInteger applied = new AtomicInteger();
        RacingStore racing = new RacingStore(mapper, Integer.MAX_VALUE,
                () -> inOwnTransaction(() -> store.modify(SCHEMA, org, id, SIZE, size -> size + 100)));

        assertThatThrownBy(() -> transaction(() -> racing.modify(SCHEMA, org, id, document -> {
            applied.incrementAndGet();
            return tagged("lost").apply(document);
        }))).isInstanceOf(WriteConflictException.class).satisfies(failure -> {
            assertThat(TransientFailures.isTransient(failure)).isTrue();
            assertThat(TransientFailures.isConcurrencyConflict(failure)).isTrue();
        });

        assertThat(applied.get()).isEqualTo(DocumentStore.MODIFY_ATTEMPTS);
        Samples.as(org).get(Samples.PATH + "/" + id).then().statusCode(200)
                .body("size", equalTo(100 * DocumentStore.MODIFY_ATTEMPTS))
                .body("tags", equalTo(null));
    }

    @Test
    void anUnchangedDocumentIsNotWrittenAndAMissingOneIsEmpty() throws Throwable {
        String etag = Samples.as(org).get(Samples.PATH + "/" + id).path("_etag");

        Optional<StoredDocument> unchanged = transaction(() -> store.modify(SCHEMA, org, id, SIZE, size -> size));
        Optional<StoredDocument> sameDocument = transaction(() -> store.modify(SCHEMA, org, id, document -> document.put("size", 0L)));
        Optional<StoredDocument> otherOrganisation = transaction(() -> store.modify(SCHEMA, "org-other", id, tagged("x")));

        assertThat(unchanged.orElseThrow().etag()).isEqualTo(etag);
        assertThat(sameDocument.orElseThrow().revision()).isEqualTo(1);
        assertThat(otherOrganisation).isEmpty();
        Samples.as(org).get(Samples.PATH + "/" + id).then().body("_etag", equalTo(etag));
    }

    /** The sample's {@code size} as a typed part of its document. */
    private static final DocumentView<Long> SIZE = new DocumentView<>() {
        @Override
        public Long read(ObjectNode document) {
            return document.path("size").asLong();
        }

        @Override
        public ObjectNode write(ObjectNode document, Long value) {
            return document.put("size", value);
        }
    };

    private static UnaryOperator<ObjectNode> tagged(String tag) {
        return document -> {
            document.withArray("tags").add(tag);
            return document;
        };
    }

    private static List<String> tags(ObjectNode document) {
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private static <T> T transaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work).ifNoItem().after(TIMEOUT).fail());
    }

    /**
     * Runs {@code work} in a transaction of its own (a new Vert.x context has no session yet, so it gets its own
     * connection) and completes once that transaction has committed, back on the caller's context.
     */
    private static <T> Uni<T> inOwnTransaction(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Context own = VertxContext.createNewDuplicatedContext(caller);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .runSubscriptionOn(task -> own.runOnContext(started -> task.run()))
                .emitOn(task -> caller.runOnContext(done -> task.run()));
    }

    /** A store whose first {@code races} updates each let a rival writer commit first. */
    private static final class RacingStore extends DocumentStore {

        private final Supplier<Uni<?>> rival;
        private int racesLeft;

        RacingStore(ObjectMapper mapper, int races, Supplier<Uni<?>> rival) {
            super(mapper);
            this.racesLeft = races;
            this.rival = rival;
        }

        @Override
        public Uni<Optional<StoredDocument>> update(ResourceSchema schema, StoredDocument current, ObjectNode document) {
            if (racesLeft <= 0) {
                return super.update(schema, current, document);
            }
            racesLeft--;
            return rival.get().chain(() -> super.update(schema, current, document));
        }
    }
}
