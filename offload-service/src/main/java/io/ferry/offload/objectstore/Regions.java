package io.ferry.offload.objectstore;

import java.util.Optional;
import java.util.regex.Pattern;

import io.ferry.events.vocabulary.ProviderType;

/**
 * The syntax of a storage region, for objectstores and for a kubeoffload's provider-managed storage alike: AWS
 * regions look like {@code us-east-1}, {@code eu-central-2} or {@code us-gov-west-1}, Azure regions like
 * {@code westeurope} or {@code eastus2}; an S3-compatible store (an objectstore with its own endpoint) names its
 * regions freely ({@code nyc3}, {@code auto}), so there a region only needs to be a plain lower-case name.
 */
public final class Regions {

    private static final int MAX_LENGTH = 64;
    private static final Pattern AWS = Pattern.compile("[a-z]{2}(-[a-z]+){1,2}-[1-9][0-9]?");
    private static final Pattern AZURE = Pattern.compile("[a-z]+[0-9]*");
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Regions() {
    }

    /**
     * @param provider           whose region it is
     * @param s3CompatibleStore  the region is one of an S3-compatible store's own endpoint
     * @return what is wrong with the region, or empty when it is well-formed
     */
    public static Optional<String> problem(ProviderType provider, boolean s3CompatibleStore, String region) {
        if (region.length() > MAX_LENGTH) {
            return Optional.of("malformed region: longer than " + MAX_LENGTH + " characters");
        }
        if (s3CompatibleStore) {
            return PLAIN.matcher(region).matches() ? Optional.empty()
                    : Optional.of("malformed region '" + region + "': lower-case letters, digits and hyphens expected");
        }
        if (provider == ProviderType.AZURE) {
            return AZURE.matcher(region).matches() ? Optional.empty()
                    : Optional.of("malformed region '" + region + "': an Azure region looks like westeurope or eastus2");
        }
        return AWS.matcher(region).matches() ? Optional.empty()
                : Optional.of("malformed region '" + region
                        + "': an AWS region looks like us-east-1, eu-central-2 or us-gov-west-1");
    }
}
