package io.ferry.job.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Activity lines as clients know them: {@code 2026-03-15 18:42:25 UTC: Copying PVC data}. */
public final class Activity {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Activity() {
    }

    public static String line(Instant at, String text) {
        return FORMAT.format(at) + ": " + text;
    }
}
