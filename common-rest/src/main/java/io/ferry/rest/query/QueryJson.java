package io.ferry.rest.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.rest.error.EveException;

/**
 * Reads JSON query parameters ({@code where}, {@code projection}) strictly, with bounded nesting and size;
 * whitespace around the value (browser clients pad it with runs of spaces) is not part of it.
 */
final class QueryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(100_000).build());
    }

    private QueryJson() {
    }

    /**
     * @param parameter how the message names the parameter, for example "The where clause"
     * @throws EveException 400 when the text is not a JSON object
     */
    static JsonNode readObject(String text, String parameter, String example) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            throw EveException.badRequest(parameter + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw EveException.badRequest(parameter + " must be a JSON object such as " + example + ".");
        }
        return tree;
    }
}
