package io.ferry.scheduler.firing;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.ferry.scheduler.definition.repository.ScheduledDefinition;
import io.ferry.scheduler.cron.CronSchedules;
import io.ferry.scheduler.schema.PolicySchema;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Maintains the fire slots of a definition: one row per schedule entry of its policy with the next fire time
 * after now, in the policy's time zone. Runs in the caller's transaction.
 */
@ApplicationScoped
public class FireSlots {

    private static final Logger LOG = Logger.getLogger(FireSlots.class);
    private static final String INSERT = """
            INSERT INTO fire_slot (definition_id, schedule_index, org_id, policy_id, cron, timezone, retain_days, locked, next_fire_at)
            VALUES (:definition, :index, :org, :policy, :cron, :timezone, :retain, :locked, to_timestamp(:next))""";

    private final DocumentStore store;

    public FireSlots(DocumentStore store) {
        this.store = store;
    }

    /** Replaces the definition's slots according to its current state and policy. */
    public Uni<Void> reschedule(ScheduledDefinition definition, Instant now) {
        Uni<Integer> cleared = Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM fire_slot WHERE definition_id = :definition")
                .setParameter("definition", definition.id).executeUpdate());
        if (!definition.isScheduled()) {
            return cleared.replaceWithVoid();
        }
        return cleared.chain(() -> store.find(PolicySchema.SCHEMA, definition.orgId, definition.policyId))
                .chain(policy -> policy.map(found -> insertSlots(definition, found, now)).orElseGet(() -> {
                    LOG.warnf("Definition %s names policy %s, which does not exist (yet); it is not scheduled",
                            definition.id, definition.policyId);
                    return Uni.createFrom().voidItem();
                }));
    }

    /** After a policy changed: reschedules every live definition that uses it. */
    public Uni<Void> rescheduleUsersOf(StoredDocument policy) {
        return ScheduledDefinition.<ScheduledDefinition>list("policyId = ?1 and deleted = false", policy.id())
                .chain(users -> Multi.createFrom().iterable(users).onItem()
                        .transformToUniAndConcatenate(user -> reschedule(user, Instant.now()))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> insertSlots(ScheduledDefinition definition, StoredDocument policy, Instant now) {
        String timezone = policy.doc().path("timezone").asText("UTC");
        JsonNode schedules = policy.doc().path("schedules");
        return Multi.createFrom().range(0, schedules.size()).onItem().transformToUniAndConcatenate(index -> {
            JsonNode entry = schedules.get(index);
            String cron = entry.path("schedule").path("cronSpec").asText();
            Optional<Instant> next = CronSchedules.nextFire(cron, timezone, now);
            if (next.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter("definition", definition.id)
                    .setParameter("index", index)
                    .setParameter("org", definition.orgId)
                    .setParameter("policy", definition.policyId)
                    .setParameter("cron", cron)
                    .setParameter("timezone", timezone)
                    .setParameter("retain", entry.path("retainDays").asInt())
                    .setParameter("locked", entry.path("locked").asBoolean(false))
                    .setParameter("next", next.get().getEpochSecond())
                    .executeUpdate()).replaceWithVoid();
        }).collect().asList().replaceWithVoid();
    }
}
