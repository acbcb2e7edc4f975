package io.ferry.offload.cluster.rest;

import jakarta.validation.constraints.NotBlank;

/** The body of a kubecluster POST. */
public record KubeclusterInput(@NotBlank(message = "required field") String name, String description) {
}
