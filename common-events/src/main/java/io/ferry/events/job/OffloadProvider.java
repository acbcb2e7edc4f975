package io.ferry.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A kubeoffload's {@code offload_provider}: where its copies go. Either a user's objectstore
 * ({@code user_objectstore}) or storage the provider manages ({@code type} and {@code region}, e.g. aws and
 * us-east-1); absent: the agent's default target.
 */
public record OffloadProvider(
        @JsonProperty("type") String type,
        @JsonProperty("region") String region,
        @JsonProperty("user_objectstore") String userObjectstore) {
}
