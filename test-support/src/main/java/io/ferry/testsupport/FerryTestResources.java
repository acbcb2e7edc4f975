package io.ferry.testsupport;

import java.util.Map;

import io.ferry.infra.PostgresServer;
import io.ferry.infra.tokens.TokenMinter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Points every {@code @QuarkusTest} at the shared real broker and database. Registered through
 * {@code META-INF/services}, so a module only needs test-support on its test class path. Fields
 * annotated {@link InjectKafkaCompanion} receive a {@link KafkaCompanion} for that broker.
 */
public class FerryTestResources implements QuarkusTestResourceLifecycleManager {

    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infra = SharedInfrastructure.get();
        companion = new KafkaCompanion(infra.kafkaBootstrapServers());
        return Map.of(
                "quarkus.datasource.reactive.url", infra.postgres().reactiveUrl(SharedInfrastructure.DATABASE),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(SharedInfrastructure.DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location", infra.signingKeys().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TokenMinter.ISSUER);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
