package io.ferry.offload.definition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.events.job.CopyOptions;
import io.ferry.events.job.OffloadProvider;
import io.ferry.rest.store.StoredDocument;

/** A kubeoffload's {@code options} and {@code offload_provider} as the typed values events carry. */
public final class RunParameters {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunParameters() {
    }

    /** The options the agent applies; fields the document lacks are null. Unknown options stay in the document only. */
    public static CopyOptions options(StoredDocument offload) {
        JsonNode options = offload.doc().get("options");
        return options == null || !options.isObject() ? null : MAPPER.convertValue(options, CopyOptions.class);
    }

    public static OffloadProvider offloadProvider(StoredDocument offload) {
        JsonNode provider = offload.doc().get("offload_provider");
        return provider == null || !provider.isObject() || provider.isEmpty() ? null
                : MAPPER.convertValue(provider, OffloadProvider.class);
    }
}
