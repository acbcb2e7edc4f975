package io.ferry.infra;

import java.util.concurrent.CountDownLatch;

/** A child whose shutdown never ends, as a service's does while its Kafka client waits for a broker that is not there. */
public final class HangingShutdownMain {

    static final String READY = "hanging-shutdown-main ready";

    private HangingShutdownMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hanging-shutdown"));
        System.out.println(READY);
        System.out.flush();
        never.await();
    }
}
