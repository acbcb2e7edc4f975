package io.ferry.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentCredentialsTest {

    private static final String CLUSTER = "6b02383c5dd6f46547ed74e6";

    @Test
    void aClusterCredentialNamesItsClusterAndIsNewEveryTime() {
        String first = AgentCredentials.issue(CLUSTER);
        String second = AgentCredentials.issue(CLUSTER);

        assertThat(first).startsWith("fagent." + CLUSTER + ".").isNotEqualTo(second);
        assertThat(AgentCredentials.clusterOf(first)).contains(CLUSTER);
        assertThat(AgentCredentials.isLocal(first)).isFalse();
        assertThat(AgentCredentials.sha256(first)).hasSize(64).isNotEqualTo(AgentCredentials.sha256(second));
        assertThat(AgentCredentials.sameHash(AgentCredentials.sha256(first), AgentCredentials.sha256(first))).isTrue();
    }

    @Test
    void anythingElseNamesNoCluster() {
        String local = AgentCredentials.issueLocal();
        assertThat(AgentCredentials.isLocal(local)).isTrue();
        assertThat(AgentCredentials.clusterOf(local)).isEmpty();
        assertThat(AgentCredentials.clusterOf("fagent." + CLUSTER + ".short")).isEmpty();
        assertThat(AgentCredentials.clusterOf("fagent.not-a-cluster." + "a".repeat(43))).isEmpty();
        assertThat(AgentCredentials.clusterOf(null)).isEmpty();
        assertThat(AgentCredentials.sameHash(null, "x")).isFalse();
    }
}
