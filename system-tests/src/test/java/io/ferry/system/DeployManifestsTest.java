package io.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.ferry.infra.S3Credentials;
import io.ferry.runner.RunnerSettings;
import io.ferry.runner.ServiceSpec;

/**
 * The deployment files (deploy/kubernetes, deploy/agent, docker-compose.yml) agree with the system the local
 * runner starts: the same services, ports, databases and gateway routes, and the settings the services read.
 */
class DeployManifestsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("ferry.repository", ".."));
    private static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    private static final Path AGENT = REPOSITORY.resolve("deploy/agent/copy-agent.yaml");

    @Test
    void everyServiceHasADeploymentWithItsPortProbesAndDatabase() throws IOException {
        for (ServiceSpec service : RunnerSettings.SERVICES) {
            if (service.name().equals("agent")) {
                continue;
            }
            Map<String, JsonNode> byKind = byKind(KUBERNETES.resolve(service.module() + ".yaml"));
            JsonNode container = byKind.get("Deployment").at("/spec/template/spec/containers/0");
            int port = RunnerSettings.DEFAULT_PORTS.get(service.name());
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service.module()).isEqualTo(port);
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(byKind.get("Service").at("/spec/ports/0/port").asInt()).isEqualTo(port);
            Map<String, String> env = env(container);
            if (service.hasDatabase()) {
                assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).endsWith(":5432/" + service.database());
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://").endsWith("/" + service.database());
                assertThat(container.at("/envFrom").findValuesAsText("name")).containsExactlyInAnyOrder("ferry-config", "ferry-db");
            }
        }
    }

    @Test
    void theGatewayRoutesToEveryServiceThatOwnsResourcesAndNeverToTheAgentEndpoint() throws IOException {
        Map<String, String> env = env(byKind(KUBERNETES.resolve("gateway.yaml")).get("Deployment")
                .at("/spec/template/spec/containers/0"));
        for (ServiceSpec service : RunnerSettings.SERVICES) {
            if (!service.routed()) {
                assertThat(env).doesNotContainKey("FERRY_GATEWAY_SERVICES_" + service.name().toUpperCase());
            } else {
                assertThat(env).containsEntry("FERRY_GATEWAY_SERVICES_" + service.name().toUpperCase(),
                        "http://" + service.module() + ":" + RunnerSettings.DEFAULT_PORTS.get(service.name()));
            }
        }
    }

    @Test
    void theKustomizationListsEveryManifestAndTheSharedConfigHasWhatTheServicesRead() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(KUBERNETES.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.get("resources").forEach(resource -> listed.add(resource.asText()));
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("kustomization.yaml")).toList());
        }
        Map<String, JsonNode> config = byKind(KUBERNETES.resolve("config.yaml"));
        assertThat(config.get("ConfigMap").get("data").fieldNames()).toIterable()
                .contains("KAFKA_BOOTSTRAP_SERVERS", "FERRY_DB_HOST", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(config.get("Secret").get("stringData").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void composeBuildsEveryApplicationModuleAndGivesEachServiceItsDatabase() throws IOException {
        String compose = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        for (ServiceSpec service : RunnerSettings.SERVICES) {
            assertThat(compose).contains("MODULE: " + service.module() + " }");
            assertThat(REPOSITORY.resolve(service.module()).resolve("pom.xml")).exists();
            if (service.hasDatabase()) {
                assertThat(compose).contains("postgresql://postgres:5432/" + service.database())
                        .contains("jdbc:postgresql://postgres:5432/" + service.database());
                assertThat(Files.readString(REPOSITORY.resolve("deploy/postgres-init.sql")))
                        .contains("CREATE DATABASE " + service.database() + ";");
            }
        }
    }

    @Test
    void theAgentFindsEachTargetsCredentialsAsASecretMountedInTheSecretsDirectory() throws IOException {
        Map<String, JsonNode> byKind = byKind(AGENT);
        JsonNode pod = byKind.get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(RunnerSettings.DEFAULT_PORTS.get("agent"));
        String secretsDir = env(container).get("FERRY_AGENT_SECRETS_DIR");
        assertThat(secretsDir).startsWith("/");

        List<JsonNode> secretVolumes = new ArrayList<>();
        pod.get("volumes").forEach(volume -> {
            if (volume.has("secret") && mount(container, volume.get("name").asText()).get("mountPath").asText().startsWith(secretsDir)) {
                secretVolumes.add(volume);
            }
        });
        assertThat(secretVolumes).hasSize(1);
        String secretName = secretVolumes.get(0).at("/secret/secretName").asText();
        JsonNode mount = mount(container, secretVolumes.get(0).get("name").asText());
        assertThat(mount.get("mountPath").asText()).isEqualTo(secretsDir + "/" + secretName);
        assertThat(mount.get("readOnly").asBoolean()).isTrue();
        JsonNode secret = byKind.get("Secret");
        assertThat(secret.at("/metadata/name").asText()).isEqualTo(secretName);
        assertThat(secret.get("stringData").fieldNames()).toIterable()
                .containsExactlyInAnyOrder(S3Credentials.ACCESS_KEY_FILE, S3Credentials.SECRET_KEY_FILE);
    }

    @Test
    void theAgentReachesOnlyTheAgentEndpointWithTheCredentialInItsSecret() throws IOException {
        JsonNode container = byKind(AGENT).get("Deployment").at("/spec/template/spec/containers/0");
        Map<String, String> env = env(container);
        assertThat(env.get("FERRY_AGENT_ENDPOINT_URLS")).startsWith("https://");
        assertThat(env).doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "FERRY_AGENT_ORG", "FERRY_AGENT_CLUSTER_ID");
        JsonNode credential = null;
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals("FERRY_AGENT_ENDPOINT_CREDENTIAL")) {
                credential = variable.at("/valueFrom/secretKeyRef");
            }
        }
        assertThat(credential).as("the credential comes from a Secret").isNotNull();
        assertThat(credential.get("name").asText()).isEqualTo("ferry-agent-credential");
        assertThat(Files.readString(AGENT)).contains("name: ferry-agent-credential").doesNotContain("kafka");
        JsonNode endpoint = byKind(KUBERNETES.resolve("agent-endpoint.yaml")).get("Ingress");
        assertThat(endpoint.at("/spec/tls/0/secretName").asText()).as("agents reach the endpoint over TLS").isNotEmpty();
        assertThat(endpoint.at("/spec/rules/0/http/paths/0/path").asText()).isEqualTo("/agent/");
    }

    @Test
    void theAgentReadsTheRepositoryPasswordFromTheMountedSecretFerryRepository() throws IOException {
        JsonNode pod = byKind(AGENT).get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        JsonNode volume = null;
        for (JsonNode candidate : pod.get("volumes")) {
            if ("ferry-repository".equals(candidate.at("/secret/secretName").asText())) {
                volume = candidate;
            }
        }
        assertThat(volume).as("a volume of the Secret ferry-repository").isNotNull();
        JsonNode mount = mount(container, volume.get("name").asText());
        assertThat(mount.get("readOnly").asBoolean()).isTrue();
        assertThat(env(container).get("FERRY_AGENT_REPOSITORY_PASSWORD_FILE")).isEqualTo(mount.get("mountPath").asText() + "/password");
        assertThat(Files.readString(AGENT)).contains("create secret generic ferry-repository --from-literal=password=");
    }

    @Test
    void composeGivesTheAgentMinioCredentialsTheSameWay() throws IOException {
        String compose = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        assertThat(compose).contains("FERRY_AGENT_SECRETS_DIR: /etc/ferry/secrets")
                .contains("FERRY_AGENT_REPOSITORY_PASSWORD: ${FERRY_REPOSITORY_PASSWORD:?")
                .contains("- ferry-s3-secret:/etc/ferry/secrets/ferry-minio:ro")
                .contains("- ferry-s3-secret:/secret");
        String init = Files.readString(REPOSITORY.resolve("deploy/minio-init.sh"));
        assertThat(init).contains("/secret/" + S3Credentials.ACCESS_KEY_FILE).contains("/secret/" + S3Credentials.SECRET_KEY_FILE);
    }

    private static JsonNode mount(JsonNode container, String volume) {
        for (JsonNode mount : container.get("volumeMounts")) {
            if (mount.get("name").asText().equals(volume)) {
                return mount;
            }
        }
        throw new AssertionError("Volume " + volume + " is not mounted");
    }

    private static Map<String, JsonNode> byKind(Path manifest) throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        YAMLMapper yaml = new YAMLMapper();
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(manifest.toFile())) {
            documents.forEachRemaining(document -> byKind.put(document.get("kind").asText(), document));
        }
        return byKind;
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.get("name").asText(), variable.path("value").asText(null)));
        return env;
    }
}
