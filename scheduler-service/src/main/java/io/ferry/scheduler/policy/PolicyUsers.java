package io.ferry.scheduler.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.scheduler.SchedulerConfig;
import io.ferry.scheduler.definition.repository.ScheduledDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Which definition still uses a policy, by the read model of definitions. That model trails offload-service by the
 * outbox relay and Kafka (a few hundred milliseconds), and clients such as the Terraform provider delete a policy
 * right after the definitions that used it: so when the model names a user, it is asked again every
 * {@link #POLL} until the user is gone or {@code ferry.scheduler.policy-delete-wait} has passed.
 */
@ApplicationScoped
public class PolicyUsers {

    static final Duration POLL = Duration.ofMillis(100);

    private final SchedulerConfig config;
    private final Vertx vertx;

    public PolicyUsers(SchedulerConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** A definition that uses the policy and was still there after the wait, if any. */
    public Uni<Optional<ScheduledDefinition>> remainingUser(String policyId) {
        return remainingUser(policyId, Instant.now().plus(config.policyDeleteWait()));
    }

    private Uni<Optional<ScheduledDefinition>> remainingUser(String policyId, Instant deadline) {
        return ScheduledDefinition.firstUserOf(policyId).chain(user -> {
            if (user.isEmpty() || !Instant.now().isBefore(deadline)) {
                return Uni.createFrom().item(user);
            }
            return pause().chain(() -> remainingUser(policyId, deadline));
        });
    }

    /** Waits on the caller's Vert.x context, where its database session lives. */
    private Uni<Void> pause() {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(POLL.toMillis(), timer -> emitter.complete(null)));
    }
}
