package io.ferry.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.catalog.AsyncApiDocument;
import io.ferry.events.job.CancelRequested;

/** The Kafka records OutgoingEvents builds against the AsyncAPI document's message: topic, headers, payload. */
class OutgoingEventsAsyncApiTest {

    private final ObjectNode document = AsyncApiDocument.build();

    @Test
    void aRecordsHeadersAndPayloadAreThoseItsMessageDescribes() {
        Instant time = Instant.parse("2026-11-22T03:04:05.678Z");
        ProducerRecord<String, String> record = OutgoingEvents.record("event-1", URI.create("/ferry/job-service"), time, "org-1",
                "cluster-1", new CancelRequested("job-1", "cluster-1", time));
        String ceType = EventCatalog.CANCEL_REQUESTED.ceType();

        assertThat(document.at("/channels/" + record.topic() + "/messages").has(ceType)).isTrue();
        assertThat(problems("#/components/messages/" + ceType + "/headers", headers(record))).isEmpty();
        assertThat(problems("#/components/messages/" + ceType + "/payload", EventJson.parse(record.value()))).isEmpty();
    }

    private static ObjectNode headers(ProducerRecord<String, String> record) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Validation against the document's schema at {@code reference}, closed so that an undocumented header or property fails. */
    private Set<ValidationMessage> problems(String reference, JsonNode json) {
        ObjectNode components = document.get("components").deepCopy();
        close(components);
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("$ref", reference);
        root.set("components", components);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(root, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                .validate(json);
    }

    private static void close(JsonNode node) {
        if (node.isObject() && node.has("properties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        node.forEach(OutgoingEventsAsyncApiTest::close);
    }
}
