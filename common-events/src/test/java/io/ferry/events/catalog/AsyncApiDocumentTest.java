package io.ferry.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.CloudEventHeaders;
import io.ferry.events.EventCatalog;
import io.ferry.events.EventType;
import io.ferry.events.Topics;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.PvcState;

class AsyncApiDocumentTest {

    private final ObjectNode document = AsyncApiDocument.build();

    @Test
    void thereIsAChannelAndASendOperationPerTopicWithTheMessagesOfItsEventTypes() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(names(document.path("channels"))).containsExactlyElementsOf(Topics.ALL);
        for (String topic : Topics.ALL) {
            List<String> types = EventCatalog.ALL.stream().filter(type -> type.topic().equals(topic)).map(EventType::ceType).toList();
            JsonNode channel = document.path("channels").path(topic);
            assertThat(channel.path("address").asText()).isEqualTo(topic);
            assertThat(names(channel.path("messages"))).as(topic).containsExactlyElementsOf(types);
            channel.path("messages").forEach(message -> assertThat(message.path("$ref").asText()).startsWith("#/components/messages/"));

            JsonNode operation = document.path("operations").path(AsyncApiDocument.sendOperationName(topic));
            assertThat(operation.path("action").asText()).isEqualTo("send");
            assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + topic);
            assertThat(operation.path("messages").findValuesAsText("$ref"))
                    .containsExactlyElementsOf(types.stream().map(type -> "#/channels/" + topic + "/messages/" + type).toList());
        }
    }

    @Test
    void everyEventTypeIsAMessageWithItsTypeHeaderPayloadAndKey() {
        assertThat(names(document.at("/components/messages")))
                .containsExactlyElementsOf(EventCatalog.ALL.stream().map(EventType::ceType).toList());
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode message = document.path("components").path("messages").path(type.ceType());
            String payload = type.payloadType().getSimpleName();
            assertThat(message.at("/payload/$ref").asText()).isEqualTo("#/components/schemas/" + payload);
            assertThat(message.at("/headers/properties/" + CloudEventHeaders.TYPE + "/const").asText()).isEqualTo(type.ceType());
            assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
            assertThat(message.at("/bindings/kafka/key/description").asText()).contains(type.key().description());
            assertThat(document.at("/components/schemas/" + payload + "/properties/" + type.key().payloadProperty() + "/type").asText())
                    .as("%s carries its key in %s", type.ceType(), type.key().payloadProperty())
                    .isEqualTo("string");
        }
    }

    @Test
    void theHeadersAreTheCloudEventsAttributesAndOnlyTheTraceContextIsOptional() {
        JsonNode headers = document.at("/components/messages/" + EventCatalog.JOB_DISPATCHED.ceType() + "/headers");
        assertThat(names(headers.path("properties"))).containsExactlyInAnyOrder(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.ORG_ID, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.TRACEPARENT);
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(name -> required.add(name.asText()));
        List<String> all = names(headers.path("properties"));
        all.remove(CloudEventHeaders.TRACEPARENT);
        assertThat(required).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void enumsAreTheStringsTheyAreWrittenAsAndRecordsReferenceEachOther() {
        assertThat(texts(document.at("/components/schemas/PvcState/enum")))
                .containsExactlyElementsOf(Arrays.stream(PvcState.values()).map(PvcState::wire).toList());
        assertThat(texts(document.at("/components/schemas/JobState/enum")))
                .containsExactlyElementsOf(Arrays.stream(JobState.values()).map(Enum::name).toList());
        assertThat(document.at("/components/schemas/CopyOptions/properties").has("upload_speed_limit")).isTrue();
        assertThat(document.at("/components/schemas/JobDispatched/properties/target/$ref").asText()).isEqualTo("#/components/schemas/TargetSpec");
        assertThat(document.at("/components/schemas/JobDispatched/properties/retainDays/format").asText()).isEqualTo("int32");
        assertThat(document.at("/components/schemas/JobDispatched/properties").has("run")).isFalse();
        assertThat(texts(document.at("/components/schemas/AgentAccessChanged/required"))).contains("credentials", "revision", "removed")
                .doesNotContain("clusterId", "revokedAt");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
