package io.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.events.agent.AgentHeartbeat;
import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.JobStateChanged;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.job.RunSpec;
import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;

class EventCatalogTest {

    @Test
    void everyTypeIsVersionedUniqueAndOnACatalogTopic() {
        assertThat(EventCatalog.ALL).extracting(EventType::ceType)
                .doesNotHaveDuplicates()
                .allMatch(type -> type.matches("ferry\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
        assertThat(EventCatalog.ALL).extracting(EventType::topic).allMatch(Topics.ALL::contains);
        assertThat(EventCatalog.ALL).extracting(EventType::payloadType).doesNotHaveDuplicates();
    }

    @Test
    void typesAreFoundByNameAndPayload() {
        assertThat(EventCatalog.byCeType("ferry.definition.changed.v1")).contains(EventCatalog.DEFINITION_CHANGED);
        assertThat(EventCatalog.byCeType("ferry.definition.changed.v2")).isEmpty();
        assertThat(EventCatalog.forPayload(DefinitionChanged.class)).isEqualTo(EventCatalog.DEFINITION_CHANGED);
        assertThatThrownBy(() -> EventCatalog.forPayload(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadsSurviveJsonAndUnknownFieldsAreIgnored() {
        DefinitionChanged offload = new DefinitionChanged("606432b9a1246a6388a5b771", DefinitionKind.KUBEOFFLOAD, 3,
                "testoffload", "6064311f6077f12398f67f6a", "6064313324111b4af430d936", null, "6064326306d7357b1c1510a6",
                TriggerType.SCHEDULED, null, true, true, new CopyOptions(null, null, 2, null));

        String json = EventJson.write(offload);
        assertThat(json).doesNotContain("copydefId").doesNotContain("null");
        assertThat(EventJson.read(json, DefinitionChanged.class)).isEqualTo(offload);

        String newer = json.replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(EventJson.read(newer, DefinitionChanged.class)).isEqualTo(offload);
    }

    @Test
    void selectionHooksAndPvcCountsAreOptionalFieldsOfTheirEvents() {
        PvcSelection selection = new PvcSelection(false, List.of("shop"), Map.of("app", "web"));
        BackupHooks hooks = new BackupHooks(List.of(Map.of("hooks", List.of("61b3bb7b555abc4d71d0a7bf"), "template", true)), null);
        BackupTriggered trigger = new BackupTriggered("t1", "b1", "c1", TriggerType.ADHOC, 7, Instant.parse("2026-12-01T10:00:00Z"),
                new DefinitionNames("c", "b", null), selection, hooks);
        assertThat(EventJson.read(EventJson.write(trigger), BackupTriggered.class)).isEqualTo(trigger);

        String older = "{\"triggerId\":\"t1\",\"backupdefId\":\"b1\",\"clusterId\":\"c1\",\"trigger\":\"ADHOC\",\"retainDays\":7}";
        BackupTriggered fromOlder = EventJson.read(older, BackupTriggered.class);
        assertThat(fromOlder.selection()).isNull();
        assertThat(fromOlder.hooks()).isNull();

        JobStateChanged counted = new JobStateChanged("j1", JobType.K8S_SNAP, JobState.COMPLETED, null, "c1", "b1", null, 1L, 2L, 3, 4, 3);
        assertThat(EventJson.read(EventJson.write(counted), JobStateChanged.class)).isEqualTo(counted);
        assertThat(EventJson.write(new JobStateChanged("j1", JobType.K8S_SNAP, JobState.PENDING, null, "c1", "b1", null, 1L, null, 1)))
                .doesNotContain("pvcs");
    }

    @Test
    void aRestoreTravelsToTheAgentInItsJobDispatchedAndOtherJobsCarryNone() {
        RestoreSpec restore = new RestoreSpec("j-copy", List.of("shop"), Map.of("shop", "shop-restored"), false);
        JobDispatched dispatched = new JobDispatched("j-restore", "c2", JobType.RESTORE, "b1", null,
                new RunSpec(0, false, false, new CopyOptions(null, 1_000_000L, 2, 4), null, null, null), null, restore);
        JobDispatched read = EventJson.read(EventJson.write(dispatched), JobDispatched.class);
        assertThat(read).isEqualTo(dispatched);
        assertThat(read.restore().covers("shop")).isTrue();
        assertThat(read.restore().covers("db")).isFalse();
        assertThat(read.restore().destination("shop")).isEqualTo("shop-restored");

        String copy = EventJson.write(new JobDispatched("j-copy", "c1", JobType.K8S_COPY, "b1", "o1",
                new RunSpec(7, false, true, null, null, null, null), null));
        assertThat(copy).doesNotContain("restore");
        assertThat(EventJson.read(copy, JobDispatched.class).restore()).isNull();
        assertThat(new RestoreSpec("j", null, null, true).covers("any")).isTrue();
    }

    @Test
    void aHeartbeatWithoutAcceptingCommandsIsOneOfAnAgentThatTakesCommands() {
        Instant sent = Instant.parse("2026-12-01T10:00:00Z");
        AgentHeartbeat older = EventJson.read("{\"clusterId\":\"c1\",\"agentVersion\":\"0.1.0\",\"sentAt\":\"2026-12-01T10:00:00Z\"}",
                AgentHeartbeat.class);
        assertThat(older.takesCommands()).isTrue();
        assertThat(older.sentAt()).isEqualTo(sent);

        AgentHeartbeat stuck = new AgentHeartbeat("c1", "0.1.0", sent, false);
        String json = EventJson.write(stuck);
        assertThat(json).contains("\"acceptingCommands\":false").doesNotContain("takesCommands");
        assertThat(EventJson.read(json, AgentHeartbeat.class).takesCommands()).isFalse();
        assertThat(EventJson.read(EventJson.write(new AgentHeartbeat("c1", "0.1.0", sent)), AgentHeartbeat.class).takesCommands())
                .isTrue();
    }

    @Test
    void dataOfTheWrongShapeIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"revision\":\"three\"}", DefinitionChanged.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("DefinitionChanged");
    }
}
