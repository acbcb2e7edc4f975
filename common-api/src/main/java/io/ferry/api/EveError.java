package io.ferry.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Eve's error envelope: {@code {"_status":"ERR","_error":{"code":N,"message":"..."},"_issues":{...}}}.
 * {@code _issues} appears on validation failures only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EveError(
        @JsonProperty("_status") String status,
        @JsonProperty("_error") Detail error,
        @JsonProperty("_issues") Map<String, Object> issues) {

    public record Detail(int code, String message) {
    }

    public static EveError of(int code, String message) {
        return new EveError("ERR", new Detail(code, message), Map.of());
    }

    public static EveError withIssues(int code, String message, Map<String, ?> issues) {
        return new EveError("ERR", new Detail(code, message), Map.copyOf(issues));
    }
}
