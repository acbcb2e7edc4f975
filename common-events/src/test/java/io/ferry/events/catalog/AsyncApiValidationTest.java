package io.ferry.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The document through the AsyncAPI parser of {@code tools/asyncapi} (the AsyncAPI 3.0.0 JSON Schema and the
 * AsyncAPI Spectral rules, as {@code asyncapi validate} applies them); the build installs it (profile
 * install-asyncapi-validator).
 */
class AsyncApiValidationTest {

    private static final Path VALIDATOR = Path.of("..", "tools", "asyncapi", "validate.mjs");
    private static final Path OUTPUT = Path.of("target", "asyncapi");

    private record Outcome(int exitCode, String output) {
    }

    @Test
    void theAsyncApiParserFindsNeitherErrorsNorWarnings() throws Exception {
        Outcome outcome = validate("asyncapi.json", AsyncApiDocument.build());
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("valid AsyncAPI 3.0.0");
    }

    @Test
    void theParserRejectsAnOperationOnAChannelThatDoesNotExist() throws Exception {
        ObjectNode broken = AsyncApiDocument.build();
        broken.withObject("/operations").elements().next().withObject("/channel").put("$ref", "#/channels/ferry.nowhere");
        Outcome outcome = validate("broken-asyncapi.json", broken);
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("ferry.nowhere");
    }

    private static Outcome validate(String fileName, ObjectNode document) throws IOException, InterruptedException {
        Files.createDirectories(OUTPUT);
        Path file = OUTPUT.resolve(fileName);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
        Process node = new ProcessBuilder("node", VALIDATOR.toString(), file.toString()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the validator ends").isTrue();
        return new Outcome(node.exitValue(), output);
    }
}
