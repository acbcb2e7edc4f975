package io.ferry.offload.objectstore;

import static io.ferry.offload.schema.ObjectstoreSchema.BUCKET_NAME;
import static io.ferry.offload.schema.ObjectstoreSchema.CREDENTIALS_SECRET;
import static io.ferry.offload.schema.ObjectstoreSchema.ENDPOINT;
import static io.ferry.offload.schema.ObjectstoreSchema.PATH_STYLE;
import static io.ferry.offload.schema.ObjectstoreSchema.PREFIX;
import static io.ferry.offload.schema.ObjectstoreSchema.REGION;
import static io.ferry.offload.schema.ObjectstoreSchema.S3PROVIDER;
import static io.ferry.offload.schema.ObjectstoreSchema.SKIP_TLS;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;

/** An objectstore's document as the {@link TargetSpec} the agent writes to and checks. */
final class ObjectstoreTargets {

    private ObjectstoreTargets() {
    }

    static TargetSpec of(String id, ObjectNode document) {
        JsonNode s3provider = document.path(S3PROVIDER);
        String prefix = text(document, PREFIX);
        return new TargetSpec(TargetKind.S3, id, text(document, "name"), text(s3provider, ENDPOINT), text(document, REGION),
                text(document, BUCKET_NAME), prefix == null ? "" : prefix, s3provider.path(PATH_STYLE).asBoolean(false),
                document.path(SKIP_TLS).asBoolean(false), text(s3provider, CREDENTIALS_SECRET));
    }

    /**
     * Whether an agent's check of {@code before} still holds for {@code after}: the same place, reached the same way
     * (names and other fields do not matter), checked by the same cluster's agent.
     */
    static boolean sameCheck(String id, ObjectNode before, ObjectNode after) {
        return withoutName(of(id, before)).equals(withoutName(of(id, after)))
                && Objects.equals(ObjectstoreRules.proxyCluster(before), ObjectstoreRules.proxyCluster(after));
    }

    private static TargetSpec withoutName(TargetSpec target) {
        return new TargetSpec(target.kind(), target.objectstoreId(), null, target.endpoint(), target.region(), target.bucket(),
                target.prefix(), target.pathStyle(), target.skipTlsVerify(), target.credentialsSecret());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
