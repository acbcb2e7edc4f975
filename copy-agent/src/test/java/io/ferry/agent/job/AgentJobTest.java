package io.ferry.agent.job;

import java.io.IOException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.ferry.agent.AgentTestSupport;
import io.ferry.agent.config.AgentConfig;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Tests of jobs the agent under test runs; each starts with no PVCs. */
abstract class AgentJobTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgentConfig config;

    AgentTestSupport agent;

    @BeforeEach
    void startWithoutPvcs() throws IOException {
        agent = new AgentTestSupport(kafka, config.volumesRoot());
        agent.clearVolumes();
    }
}
