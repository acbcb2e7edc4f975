package io.ferry.scheduler.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.StoredDocument;
import io.ferry.scheduler.cron.CronSchedules;
import io.ferry.scheduler.firing.FireSlots;
import io.smallrye.mutiny.Uni;

/**
 * Normalises each schedule to carry both forms (cronSpec and the five fields), refuses invalid cron
 * expressions and unknown time zones with 422 issues that name the field, reschedules the definitions that
 * use a changed policy, and refuses to delete a policy a definition uses (409; {@link PolicyUsers} gives deletions of
 * those definitions that are on their way the time to arrive).
 */
@ApplicationScoped
public class PolicyHooks implements ResourceHooks {

    private final FireSlots fireSlots;
    private final PolicyUsers users;

    public PolicyHooks(FireSlots fireSlots, PolicyUsers users) {
        this.fireSlots = fireSlots;
        this.users = users;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        Map<String, Object> issues = new LinkedHashMap<>();
        String timezone = document.path("timezone").asText("UTC");
        if (CronSchedules.zone(timezone).isEmpty()) {
            issues.put("timezone", "unknown time zone '" + timezone + "'");
        }
        Map<String, Object> scheduleIssues = new LinkedHashMap<>();
        JsonNode schedules = document.path("schedules");
        for (int i = 0; i < schedules.size(); i++) {
            Map<String, Object> problems = normalise((ObjectNode) schedules.get(i).get("schedule"));
            if (!problems.isEmpty()) {
                scheduleIssues.put(Integer.toString(i), Map.of("schedule", problems));
            }
        }
        if (!scheduleIssues.isEmpty()) {
            issues.put("schedules", scheduleIssues);
        }
        if (!issues.isEmpty()) {
            throw EveException.invalid(issues);
        }
        return Uni.createFrom().item(document);
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return fireSlots.rescheduleUsersOf(stored);
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return users.remainingUser(existing.id()).invoke(user -> user.ifPresent(definition -> {
            throw new EveException(409, "The policy is used by " + definition.kind.toLowerCase() + " '" + definition.name
                    + "' (" + definition.id + "); change or delete that definition first.");
        })).replaceWithVoid();
    }

    /** Fills in the form that is missing; returns the issues of an invalid schedule, by field. */
    private static Map<String, Object> normalise(ObjectNode schedule) {
        Map<String, Object> issues = new LinkedHashMap<>();
        if (schedule.hasNonNull("cronSpec")) {
            String spec = schedule.get("cronSpec").asText();
            String[] fields = CronSchedules.fields(spec);
            if (fields.length != 5) {
                issues.put("cronSpec", "a cron expression has 5 fields (minute hour dayOfMonth month dayOfWeek), not " + fields.length);
                return issues;
            }
            checkFields(fields, "cronSpec", issues);
            if (issues.isEmpty()) {
                for (int f = 0; f < 5; f++) {
                    schedule.put(CronSchedules.FIELDS.get(f), fields[f]);
                }
            }
            return issues;
        }
        String[] fields = new String[5];
        for (int f = 0; f < 5; f++) {
            String name = CronSchedules.FIELDS.get(f);
            if (!schedule.hasNonNull(name) || schedule.get(name).asText().isBlank()) {
                issues.put(name, "required field");
            } else {
                fields[f] = schedule.get(name).asText().trim();
            }
        }
        if (issues.isEmpty()) {
            checkFields(fields, null, issues);
        }
        if (issues.isEmpty()) {
            schedule.put("cronSpec", String.join(" ", fields));
        }
        return issues;
    }

    /** Parses each field on its own, so that an issue names the field that is wrong. */
    private static void checkFields(String[] fields, String reportAs, Map<String, Object> issues) {
        for (int f = 0; f < 5; f++) {
            String[] probe = { "*", "*", "*", "*", "*" };
            probe[f] = fields[f];
            try {
                CronSchedules.parse(String.join(" ", probe));
            } catch (IllegalArgumentException e) {
                String name = CronSchedules.FIELDS.get(f);
                issues.put(reportAs == null ? name : reportAs, "invalid " + name + " '" + fields[f] + "'");
                return;
            }
        }
        try {
            CronSchedules.parse(String.join(" ", fields));
        } catch (IllegalArgumentException e) {
            issues.put(reportAs == null ? "cronSpec" : reportAs, "invalid cron expression: " + e.getMessage());
        }
    }
}
