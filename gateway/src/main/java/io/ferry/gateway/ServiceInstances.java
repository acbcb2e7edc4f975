package io.ferry.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * The instances of one service: requests go to them in turn. An instance that refuses a connection is
 * skipped for {@link #SKIP_AFTER_FAILURE} and the request goes to the next one; nothing has been sent to the
 * failed instance at that point, so this is safe for every method. Only when no instance takes the
 * connection does the request fail.
 */
final class ServiceInstances {

    static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(2);

    private final List<SocketAddress> addresses;
    /** Per instance: until when (clock millis) it is skipped. */
    private final AtomicLongArray skippedUntil;
    private final AtomicInteger next = new AtomicInteger();
    private final LongSupplier clock;

    ServiceInstances(List<URI> bases, LongSupplier clock) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("A service needs at least one instance");
        }
        this.addresses = bases.stream().map(base -> SocketAddress.inetSocketAddress(port(base), base.getHost())).toList();
        this.skippedUntil = new AtomicLongArray(addresses.size());
        this.clock = clock;
    }

    /** A request to the next instance that accepts a connection. */
    Future<HttpClientRequest> connect(HttpClient client) {
        int first = Math.floorMod(next.getAndIncrement(), addresses.size());
        return attempt(client, first, 0, false);
    }

    private Future<HttpClientRequest> attempt(HttpClient client, int index, int tried, boolean includeSkipped) {
        if (tried == addresses.size()) {
            // Every instance is skipped or refused: try the skipped ones once more before giving up.
            return includeSkipped ? Future.failedFuture(new IllegalStateException("No instance accepts connections"))
                    : attempt(client, index, 0, true);
        }
        int following = (index + 1) % addresses.size();
        if (!includeSkipped && skippedUntil.get(index) > clock.getAsLong()) {
            return attempt(client, following, tried + 1, false);
        }
        return client.request(new RequestOptions().setServer(addresses.get(index)))
                .onSuccess(request -> skippedUntil.set(index, 0))
                .recover(failure -> {
                    skippedUntil.set(index, clock.getAsLong() + SKIP_AFTER_FAILURE.toMillis());
                    return includeSkipped && tried + 1 == addresses.size() ? Future.failedFuture(failure)
                            : attempt(client, following, tried + 1, includeSkipped);
                });
    }

    private static int port(URI base) {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }
}
