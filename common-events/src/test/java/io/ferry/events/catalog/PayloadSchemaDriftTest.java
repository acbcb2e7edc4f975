package io.ferry.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.ferry.events.job.JobDispatched;

/** The document's payload schemas against what EventJson really writes for every event type. */
class PayloadSchemaDriftTest {

    private final ClosedSchemas schemas = new ClosedSchemas(AsyncApiDocument.build());

    @Test
    void everyPropertyOfEveryEventTypeAsWrittenMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : EventCatalog.ALL) {
            Class<?> payload = type.payloadType();
            IntStream.range(0, SamplePayloads.variantsFor(payload)).forEach(variant -> {
                JsonNode written = EventJson.tree(SamplePayloads.full(payload, variant));
                schemas.payloadProblems(payload.getSimpleName(), written)
                        .forEach(problem -> problems.add(type.ceType() + " " + written + ": " + problem));
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aPayloadWithOnlyItsAlwaysWrittenPropertiesMatchesItsSchema() {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode written = EventJson.tree(SamplePayloads.full(type.payloadType(), 0));
            ObjectNode required = written.deepCopy();
            required.retain(requiredOf(type.payloadType().getSimpleName()));
            assertThat(schemas.payloadProblems(type.payloadType().getSimpleName(), required)).as(type.ceType()).isEmpty();
        }
    }

    @Test
    void aPropertyTheSchemaDoesNotKnowARenamedOneAndAWrongTypeFail() {
        ObjectNode written = (ObjectNode) EventJson.tree(SamplePayloads.full(JobDispatched.class, 1));

        ObjectNode added = written.deepCopy().put("addedLater", 42);
        assertThat(schemas.payloadProblems("JobDispatched", added)).extracting(Object::toString).anyMatch(m -> m.contains("addedLater"));

        ObjectNode renamed = written.deepCopy();
        renamed.set("retain_days", renamed.remove("retainDays"));
        assertThat(schemas.payloadProblems("JobDispatched", renamed)).extracting(Object::toString).anyMatch(m -> m.contains("retain_days"));

        ObjectNode wrongType = written.deepCopy().put("runBackup", "yes");
        assertThat(schemas.payloadProblems("JobDispatched", wrongType)).extracting(Object::toString).anyMatch(m -> m.contains("runBackup"));

        ObjectNode unknownValue = written.deepCopy().put("type", "K8S_MOVE");
        assertThat(schemas.payloadProblems("JobDispatched", unknownValue)).extracting(Object::toString).anyMatch(m -> m.contains("type"));
    }

    @Test
    void aPayloadTypeEventJsonCannotWriteHasNoSchema() {
        record WithOptional(Optional<String> name) {
        }
        assertThatThrownBy(() -> new PayloadSchemas().reference(WithOptional.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithOptional.name");
    }

    private List<String> requiredOf(String schemaName) {
        List<String> required = new ArrayList<>();
        AsyncApiDocument.build().at("/components/schemas/" + schemaName + "/required").forEach(name -> required.add(name.asText()));
        return required;
    }
}
