package io.ferry.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

    private static final Path REPOSITORY = Path.of("/work/ferry");

    @Test
    void withoutVariablesTheDocumentedDefaultsApply() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY, Map.<String, String>of()::get);

        assertThat(settings.port("gateway")).isEqualTo(8080);
        assertThat(settings.port("postgres")).isEqualTo(54329);
        assertThat(settings.port("kafka")).isEqualTo(29092);
        assertThat(settings.s3Endpoint()).isEqualTo("http://localhost:8089");
        assertThat(settings.dataDirectory()).isEqualTo(REPOSITORY.resolve(".ferry/data"));
        assertThat(settings.applicationJar(RunnerSettings.SERVICES.get(0)))
                .isEqualTo(REPOSITORY.resolve("offload-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void variablesMoveHomeAndPorts() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY,
                Map.of("FERRY_HOME", "/tmp/elsewhere", "FERRY_KAFKA_CONTROLLER_PORT", "39093", "FERRY_GATEWAY_PORT", " 9000 ")::get);

        assertThat(settings.port("kafka-controller")).isEqualTo(39093);
        assertThat(settings.port("gateway")).isEqualTo(9000);
        assertThat(settings.logDirectory()).isEqualTo(Path.of("/tmp/elsewhere/logs"));
    }

    @Test
    void theS3ServerHasAPortOfItsOwnAndTheAgentItsCredentialsAsAMountedSecret() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_S3_PORT", "9089")::get);

        assertThat(settings.s3Endpoint()).isEqualTo("http://localhost:9089");
        assertThat(settings.s3Bucket()).isEqualTo("ferry-copies");
        assertThat(settings.agentSecretsDirectory().resolve(settings.s3SecretName()))
                .isEqualTo(REPOSITORY.resolve(".ferry/agent/secrets/ferry-local-s3"));
    }

    @Test
    void jobServicesProviderManagedAwsStorageIsTheLocalS3ServerWithTheAgentsSecret() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_S3_PORT", "9089")::get);

        assertThat(settings.managedStorageSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ferry.job.managed-storage.aws.endpoint", "http://localhost:9089",
                "ferry.job.managed-storage.aws.bucket", "ferry-copies",
                "ferry.job.managed-storage.aws.prefix", "managed",
                "ferry.job.managed-storage.aws.path-style", "true",
                "ferry.job.managed-storage.aws.credentials-secret", "ferry-local-s3"));
    }

    @Test
    void noTwoDefaultPortsCollideEvenWithTheMostReplicas() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY,
                Map.of("FERRY_REPLICAS", String.valueOf(RunnerSettings.MAX_REPLICAS))::get);

        assertThat(RunnerSettings.portNames(RunnerSettings.MAX_REPLICAS)).extracting(settings::port).doesNotHaveDuplicates();
    }

    @Test
    void withReplicasEachServiceBehindTheGatewayAndTheAgentEndpointGetMoreInstancesOnTheirOwnPorts() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(REPOSITORY,
                Map.of("FERRY_REPLICAS", "2", "FERRY_PROGRESS_2_PORT", "9093")::get);

        assertThat(settings.instances(RunnerSettings.SERVICES)).extracting(ServiceInstance::name, ServiceInstance::port)
                .containsExactly(tuple("offload", 8081), tuple("offload-2", 8091), tuple("job", 8082), tuple("job-2", 8092),
                        tuple("progress", 8083), tuple("progress-2", 9093), tuple("scheduler", 8084),
                        tuple("scheduler-2", 8094), tuple("endpoint", 8086), tuple("endpoint-2", 8096), tuple("agent", 8085),
                        tuple("gateway", 8080));
        assertThat(settings.crashSafeDatabase()).isTrue();
    }

    @Test
    void aReplicaCountOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_REPLICAS", "0")::get))
                .hasMessage("FERRY_REPLICAS=0 is not a number of instances (1-4)");
        assertThatThrownBy(() -> RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_REPLICAS", "two")::get))
                .hasMessageContaining("FERRY_REPLICAS=two");
    }

    @Test
    void aPortThatIsNotAPortIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_JOB_PORT", "80a")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FERRY_JOB_PORT=80a is not a TCP port (1-65535)");
        assertThatThrownBy(() -> RunnerSettings.fromEnvironment(REPOSITORY, Map.of("FERRY_JOB_PORT", "70000")::get))
                .hasMessageContaining("FERRY_JOB_PORT=70000");
    }
}
