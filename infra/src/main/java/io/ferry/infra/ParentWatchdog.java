package io.ferry.infra;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of every child JVM Ferry starts: runs the real main class given as the first argument and
 * exits as soon as the parent process is gone (its end of our standard input closes), so that even a
 * parent killed with SIGKILL leaves no orphan broker or service behind. Shutdown hooks get a few seconds;
 * one that hangs (a Kafka client retrying a broker that is not there) does not keep the process alive.
 */
public final class ParentWatchdog {

    private static final long HALT_AFTER_MILLIS = 5_000;

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        Thread watchdog = new Thread(ParentWatchdog::exitWhenParentGone, "ferry-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentGone() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; EOF means it is gone
            }
        } catch (IOException e) {
            // a broken pipe means the same
        }
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "ferry-parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(1);
    }
}
