package io.ferry.offload.cluster.rest;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.ferry.offload.cluster.repository.Kubecluster;

/** A kubecluster as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubeclusterDocument(
        @JsonProperty("_id") String id,
        String name,
        String description,
        @JsonProperty("_created") String created,
        @JsonProperty("_updated") String updated,
        @JsonProperty("_etag") String etag) {

    static KubeclusterDocument from(Kubecluster cluster) {
        return new KubeclusterDocument(cluster.id, cluster.name, cluster.description,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(cluster.createdAt),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(cluster.updatedAt),
                cluster.etag);
    }
}
