package io.ferry.offload.objectstore;

import static io.ferry.offload.schema.ObjectstoreSchema.BUCKET_NAME;
import static io.ferry.offload.schema.ObjectstoreSchema.CREDENTIALS_SECRET;
import static io.ferry.offload.schema.ObjectstoreSchema.ENDPOINT;
import static io.ferry.offload.schema.ObjectstoreSchema.PROVIDER_TYPE;
import static io.ferry.offload.schema.ObjectstoreSchema.PROXY_CLUSTER_LIST;
import static io.ferry.offload.schema.ObjectstoreSchema.REGION;
import static io.ferry.offload.schema.ObjectstoreSchema.S3PROVIDER;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.ProviderType;

/** The rules of an objectstore's fields beyond their types, checked on the whole document a write would store. */
final class ObjectstoreRules {

    /** A Kubernetes Secret's name: a DNS-1123 subdomain. */
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int SECRET_NAME_MAX = 253;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ObjectstoreRules() {
    }

    /** Records every problem of {@code document} in {@code issues}, in Eve's nested form. */
    static void check(ObjectNode document, Map<String, Object> issues) {
        ProviderType provider = ProviderType.parse(document.path(PROVIDER_TYPE).asText(ProviderType.AWS.wire()));
        JsonNode s3provider = document.path(S3PROVIDER);
        String endpoint = text(s3provider, ENDPOINT);

        Map<String, Object> s3Issues = new LinkedHashMap<>();
        if (endpoint != null) {
            endpointProblem(endpoint).ifPresent(problem -> s3Issues.put(ENDPOINT, problem));
        } else if (provider == ProviderType.AZURE) {
            s3Issues.put(ENDPOINT, "required field for provider_type azure: Ferry writes to objectstores through the S3 API, "
                    + "so an Azure objectstore needs the endpoint of an S3-compatible gateway");
        }
        String secret = text(s3provider, CREDENTIALS_SECRET);
        if (secret != null && (secret.length() > SECRET_NAME_MAX || !SECRET_NAME.matcher(secret).matches())) {
            s3Issues.put(CREDENTIALS_SECRET, "not a Kubernetes Secret name (lower-case letters, digits, '-' and '.', "
                    + "starting and ending with a letter or digit, at most " + SECRET_NAME_MAX + " characters)");
        }
        if (!s3Issues.isEmpty()) {
            issues.put(S3PROVIDER, s3Issues);
        }

        String bucket = text(document, BUCKET_NAME);
        if (bucket == null) {
            if (provider == ProviderType.AWS) {
                issues.put(BUCKET_NAME, "required field for provider_type aws");
            }
        } else {
            bucketProblem(bucket).ifPresent(problem -> issues.put(BUCKET_NAME, problem));
        }

        String region = text(document, REGION);
        if (region != null) {
            Regions.problem(provider, endpoint != null, region).ifPresent(problem -> issues.put(REGION, problem));
        }

        if (document.path(PROXY_CLUSTER_LIST).size() > 1) {
            issues.put(PROXY_CLUSTER_LIST, "max length is 1");
        }
    }

    /** The first cluster of {@code proxy_cluster_list}, or null. */
    static String proxyCluster(ObjectNode document) {
        JsonNode clusters = document.path(PROXY_CLUSTER_LIST);
        return clusters.isArray() && !clusters.isEmpty() ? clusters.get(0).asText() : null;
    }

    private static Optional<String> endpointProblem(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("not an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials: " + KeyMaterial.MESSAGE);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query or fragment");
        }
        return Optional.empty();
    }

    /** Amazon S3's rules for bucket names (general purpose buckets). */
    private static Optional<String> bucketProblem(String bucket) {
        if (bucket.length() < 3 || bucket.length() > 63) {
            return Optional.of("an S3 bucket name has 3 to 63 characters");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            return Optional.of("an S3 bucket name has lower-case letters, digits, dots and hyphens only, "
                    + "and starts and ends with a letter or digit");
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            return Optional.of("an S3 bucket name has no dot next to another dot or a hyphen");
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return Optional.of("an S3 bucket name is not an IP address");
        }
        if (bucket.startsWith("xn--") || bucket.startsWith("sthree-") || bucket.endsWith("-s3alias") || bucket.endsWith("--ol-s3")) {
            return Optional.of("an S3 bucket name does not use the prefixes xn-- and sthree- or the suffixes "
                    + "-s3alias and --ol-s3, which S3 reserves");
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
