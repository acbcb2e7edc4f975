package io.ferry.offload.objectstore;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.error.EveException;

/**
 * Ferry never stores access keys: a body that carries any (an {@code access_key_id} or {@code secret_access_key}
 * in {@code s3provider}, at the top level or anywhere else, however it is spelled) is refused before anything is
 * validated or stored, with a message that says where the keys belong. The values are never echoed.
 */
final class KeyMaterial {

    static final String MESSAGE = "Ferry never stores access keys. Put them in a Kubernetes Secret (keys access_key_id and "
            + "secret_access_key) in the cluster of the agent that uses this objectstore, and name that Secret in "
            + ObjectstoreSchema.S3PROVIDER + "." + ObjectstoreSchema.CREDENTIALS_SECRET + ".";
    private static final String ISSUE = "access keys are not accepted; name a Kubernetes Secret that holds them in "
            + ObjectstoreSchema.S3PROVIDER + "." + ObjectstoreSchema.CREDENTIALS_SECRET;

    /** Key names with case, underscores and hyphens taken out. */
    private static final Set<String> KEY_NAMES = Set.of("accesskey", "accesskeyid", "secretkey", "secretaccesskey",
            "sessiontoken", "awsaccesskey", "awsaccesskeyid", "awssecretkey", "awssecretaccesskey", "awssessiontoken");

    private KeyMaterial() {
    }

    /** @throws EveException 422 naming every field that holds key material */
    static void refuse(JsonNode body) {
        Map<String, Object> issues = find(body);
        if (!issues.isEmpty()) {
            throw new EveException(422, MESSAGE, issues);
        }
    }

    private static Map<String, Object> find(JsonNode node) {
        Map<String, Object> issues = new LinkedHashMap<>();
        if (node == null) {
            return issues;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Map<String, Object> nested = find(node.get(i));
                if (!nested.isEmpty()) {
                    issues.put(Integer.toString(i), nested);
                }
            }
            return issues;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isKeyName(field.getKey())) {
                issues.put(field.getKey(), ISSUE);
                continue;
            }
            Map<String, Object> nested = find(field.getValue());
            if (!nested.isEmpty()) {
                issues.put(field.getKey(), nested);
            }
        }
        return issues;
    }

    private static boolean isKeyName(String name) {
        return KEY_NAMES.contains(name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }
}
