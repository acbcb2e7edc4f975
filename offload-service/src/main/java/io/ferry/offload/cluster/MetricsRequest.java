package io.ferry.offload.cluster;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.rest.error.EveException;

/**
 * The {@code metrics} query parameter of an item GET of a kubecluster: {@code {"days": N}} (surrounding white space
 * allowed, as the Rancher extension sends it); without {@code days} the last 7 days.
 */
public record MetricsRequest(int days) {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 3650;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return empty when the request asks for no metrics */
    public static Optional<MetricsRequest> parse(String parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(parameter.strip());
        } catch (JsonProcessingException e) {
            throw EveException.badRequest("metrics must be a JSON object such as {\"days\": 7}: " + e.getOriginalMessage());
        }
        if (value == null || !value.isObject()) {
            throw EveException.badRequest("metrics must be a JSON object such as {\"days\": 7}.");
        }
        JsonNode days = value.path("days");
        if (days.isMissingNode()) {
            return Optional.of(new MetricsRequest(DEFAULT_DAYS));
        }
        if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_DAYS) {
            throw EveException.badRequest("metrics.days must be a whole number of days from 1 to " + MAX_DAYS + ".");
        }
        return Optional.of(new MetricsRequest(days.asInt()));
    }
}
