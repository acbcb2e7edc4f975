package io.ferry.endpoint.command;

import static io.ferry.endpoint.EndpointFixture.LOCAL_CREDENTIAL;
import static io.ferry.endpoint.EndpointFixture.TIMEOUT;
import static io.ferry.endpoint.EndpointFixture.commands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ferry.endpoint.EndpointFixture;
import io.ferry.endpoint.EndpointFixture.Cluster;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class CommandsTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aClustersAgentGetsOnlyItsOwnClustersCommandsFromItsOwnOrganisation() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster mine = fixture.installedCluster();
        Cluster theirs = fixture.installedCluster();

        String forgedOrg = fixture.dispatch(theirs.org(), mine.id());
        String theirJob = fixture.dispatch(theirs.org(), theirs.id());
        String myJob = fixture.dispatch(mine.org(), mine.id());

        assertThat(fixture.awaitDelivered(mine.credential(), myJob)).containsExactly(myJob).doesNotContain(forgedOrg, theirJob);
        assertThat(fixture.awaitDelivered(theirs.credential(), theirJob)).containsExactly(theirJob);
    }

    @Test
    void aCommandComesAgainUntilTheAgentConfirmsItAndAConfirmedOneNeverDoesOnAnyInstanceOrAfterARestart() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String first = fixture.dispatch(cluster.org(), cluster.id());

        Response answer = awaitAnswerWith(cluster.credential(), null, first);
        String cursor = answer.path("cursor");
        assertThat(EndpointFixture.jobsIn(commands(cluster.credential(), null))).as("not confirmed yet: delivered again").containsExactly(first);

        Response afterConfirming = commands(cluster.credential(), cursor);
        assertThat(EndpointFixture.jobsIn(afterConfirming)).isEmpty();
        assertThat(EndpointFixture.jobsIn(commands(cluster.credential(), null))).as("an agent without its cursor goes on after the confirmed one")
                .isEmpty();

        String second = fixture.dispatch(cluster.org(), cluster.id());
        assertThat(EndpointFixture.jobsIn(awaitAnswerWith(cluster.credential(), null, second))).containsExactly(second);
    }

    @Test
    void aLongPollReturnsTheCommandThatArrivesWhileItWaits() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster cluster = fixture.installedCluster();
        String cursor = commands(cluster.credential(), null).path("cursor");
        commands(cluster.credential(), cursor);

        Thread dispatcher = new Thread(() -> fixture.dispatch(cluster.org(), cluster.id()));
        dispatcher.start();
        Response answer = EndpointFixture.as(cluster.credential()).queryParam("cursor", cursor).queryParam("wait", 60)
                .get("/agent/v1/commands");
        assertThat(EndpointFixture.jobsIn(answer)).hasSize(1);
    }

    @Test
    void theLocalAgentGetsTheCommandsOfEveryActiveClusterButNotOnesFromAnotherOrganisation() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster one = fixture.installedCluster();
        Cluster two = fixture.installedCluster();
        String forged = fixture.dispatch(two.org(), one.id());
        String jobOne = fixture.dispatch(one.org(), one.id());
        String jobTwo = fixture.dispatch(two.org(), two.id());

        List<String> seen = new ArrayList<>(fixture.awaitDelivered(LOCAL_CREDENTIAL, jobTwo));
        if (!seen.contains(jobOne)) {
            seen.addAll(fixture.awaitDelivered(LOCAL_CREDENTIAL, jobOne));
        }
        assertThat(seen).contains(jobOne, jobTwo).doesNotContain(forged);
    }

    @Test
    void theLocalAgentsCommandForAClusterTheEndpointHasNotHeardOfYetIsHeldNotPassedOver() {
        EndpointFixture fixture = new EndpointFixture(kafka);
        Cluster early = EndpointFixture.unannouncedCluster();
        String job = fixture.dispatch(early.org(), early.id());
        Cluster known = fixture.installedCluster();
        String after = fixture.dispatch(known.org(), known.id());

        List<String> seen = new ArrayList<>(fixture.poll(LOCAL_CREDENTIAL));
        assertThat(seen).doesNotContain(job);
        fixture.announce(early, 1, List.of(), null, false);

        seen.addAll(fixture.awaitDelivered(LOCAL_CREDENTIAL, job));
        if (!seen.contains(after)) {
            seen.addAll(fixture.awaitDelivered(LOCAL_CREDENTIAL, after));
        }
        assertThat(seen).contains(job, after);
    }

    @Test
    void aCursorThatIsNotOneTheEndpointGaveOutOrAWaitThatIsNoNumberOfSecondsIs400() {
        Cluster cluster = new EndpointFixture(kafka).installedCluster();
        commands(cluster.credential(), "0:x").then().statusCode(400).contentType("application/json");
        EndpointFixture.as(cluster.credential()).queryParam("wait", -1).get("/agent/v1/commands").then().statusCode(400);
        EndpointFixture.as(cluster.credential()).queryParam("wait", "soon").get("/agent/v1/commands").then().statusCode(400)
                .body("_error.message", containsString("wait must be a number of seconds"));
    }

    private static Response awaitAnswerWith(String credential, String cursor, String job) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> commands(credential, cursor), answer -> EndpointFixture.jobsIn(answer).contains(job));
    }

}
