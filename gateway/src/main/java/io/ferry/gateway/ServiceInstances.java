package io.ferry.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * skipped for {@link #SKIP_AFTER_FAILURE} (tried only after all the others) and the request goes to the next
 * one; nothing has been sent to the failed instance at that point, so this is safe for every method. Only when
 * no instance takes the connection does the request fail.
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

    /** A request to the next instance that accepts a connection: those not skipped in turn, then the skipped ones. */
    Future<HttpClientRequest> connect(HttpClient client) {
        int first = Math.floorMod(next.getAndIncrement(), addresses.size());
        long now = clock.getAsLong();
        List<Integer> order = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            order.add((first + i) % addresses.size());
        }
        order.sort(Comparator.comparing(index -> skippedUntil.get(index) > now));
        return attempt(client, order, 0);
    }

    private Future<HttpClientRequest> attempt(HttpClient client, List<Integer> order, int position) {
        int index = order.get(position);
        return client.request(new RequestOptions().setServer(addresses.get(index)))
                .onSuccess(request -> skippedUntil.set(index, 0))
                .recover(failure -> {
                    skippedUntil.set(index, clock.getAsLong() + SKIP_AFTER_FAILURE.toMillis());
                    return position + 1 < order.size() ? attempt(client, order, position + 1) : Future.failedFuture(failure);
                });
    }

    private static int port(URI base) {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }
}
