package io.ferry.job.backuptarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.ferry.events.job.OffloadProvider;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.job.objectstore.Objectstore;

class TargetMappingTest {

    record Storage(Optional<String> endpoint, String bucket, Optional<String> prefix, boolean pathStyle, boolean skipTlsVerify,
            Optional<String> credentialsSecret) implements ManagedStorageConfig.Storage {
    }

    private static final Storage AWS = new Storage(Optional.empty(), "ferry-managed", Optional.of("/managed/"), false, false,
            Optional.of("ferry-aws"));
    private static final Storage LOCAL = new Storage(Optional.of("http://localhost:8089"), "ferry-copies", Optional.empty(), true, true,
            Optional.empty());

    @Test
    void anAbsentOrEmptyProviderNamesNothing() {
        assertThat(TargetMapping.namesNothing(null)).isTrue();
        assertThat(TargetMapping.namesNothing(new OffloadProvider(null, null, null))).isTrue();
        assertThat(TargetMapping.namesNothing(new OffloadProvider(" ", "", null))).isTrue();
        assertThat(TargetMapping.namesNothing(new OffloadProvider(null, "us-east-1", null))).isFalse();
        assertThat(TargetMapping.namesNothing(new OffloadProvider(null, null, "65f0c1a2b3c4d5e6f7a8b9c0"))).isFalse();
    }

    @Test
    void anObjectstoreWinsOverATypeAndRegion() {
        assertThat(TargetMapping.objectstoreId(new OffloadProvider("aws", "us-east-1", " 65f0c1a2b3c4d5e6f7a8b9c0 ")))
                .contains("65f0c1a2b3c4d5e6f7a8b9c0");
        assertThat(TargetMapping.objectstoreId(new OffloadProvider("aws", "us-east-1", null))).isEmpty();
    }

    @Test
    void managedStorageGetsTheRequestsRegionAndAPrefixOfTheOrganisationsOwn() {
        TargetChoice choice = TargetMapping.managed(" AWS", "us-east-1 ", "org-1", Map.of("aws", AWS));

        assertThat(choice.available()).isTrue();
        assertThat(choice.target()).isEqualTo(new TargetSpec(TargetKind.S3, null, "aws us-east-1", null, "us-east-1", "ferry-managed",
                "managed/org-1", false, false, "ferry-aws"));
    }

    @Test
    void anEndpointAndItsOptionsAreTakenAsConfiguredAndWithoutAPrefixTheOrganisationIsThePrefix() {
        TargetSpec target = TargetMapping.managed("aws", "eu-west-1", "demo", Map.of("aws", LOCAL)).target();

        assertThat(target.endpoint()).isEqualTo("http://localhost:8089");
        assertThat(target.prefix()).isEqualTo("demo");
        assertThat(target.pathStyle()).isTrue();
        assertThat(target.skipTlsVerify()).isTrue();
        assertThat(target.credentialsSecret()).isNull();
    }

    @Test
    void anOrganisationIdIsOneKeySegmentSoNoOrganisationReachesIntoAnothersPrefix() {
        assertThat(TargetMapping.organisationPrefix("managed", "acme/ferry")).isEqualTo("managed/acme%2Fferry");
        assertThat(TargetMapping.organisationPrefix("managed", "acme")).isNotEqualTo(TargetMapping.organisationPrefix("managed", "acme/"));
    }

    @Test
    void aTypeWithoutConfigurationOrARegionIsUnavailableAndSaysWhy() {
        assertThat(TargetMapping.managed("azure", "westeurope", "org-1", Map.of("aws", AWS)).failure())
                .isEqualTo("Provider-managed storage of type azure is not available in this installation (available: aws); "
                        + "use an objectstore (user_objectstore) instead.");
        assertThat(TargetMapping.managed("aws", "eu-west-1", "org-1", Map.of()).failure()).contains("(available: none)");
        assertThat(TargetMapping.managed("aws", null, "org-1", Map.of("aws", AWS)).failure())
                .isEqualTo("Provider-managed storage of type aws needs a region; the kubeoffload's offload_provider names none.");
        assertThat(TargetMapping.managed(null, "us-east-1", "org-1", Map.of("aws", AWS)).failure())
                .startsWith("The kubeoffload's offload_provider names a region (us-east-1) but no type");
    }

    @Test
    void anObjectstoresTargetIsItsOwnAndAMissingOrDeletedOneNamesItsId() {
        TargetSpec stored = new TargetSpec(TargetKind.S3, null, null, "https://s3.example.com", "eu-west-1", "team", "ferry", true, false,
                "team-secret");
        TargetChoice found = TargetMapping.objectstore("os1", Optional.of(new Objectstore("os1", "org-1", 3, stored, false, false)));
        assertThat(found.target()).isEqualTo(new TargetSpec(TargetKind.S3, "os1", "os1", "https://s3.example.com", "eu-west-1", "team",
                "ferry", true, false, "team-secret"));

        assertThat(TargetMapping.objectstore("os2", Optional.empty()).failure())
                .isEqualTo("Objectstore os2 does not exist; the kubeoffload's offload_provider must name an objectstore of its organisation.");
        TargetChoice deleted = TargetMapping.objectstore("os3", Optional.of(new Objectstore("os3", "org-1", 4, null, false, true)));
        assertThat(deleted.available()).isFalse();
        assertThat(deleted.failure()).startsWith("Objectstore os3 does not exist (it was deleted);");
    }
}
