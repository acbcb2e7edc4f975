package io.ferry.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Eve's date format, RFC 1123 with a two-digit day: {@code Wed, 01 Mar 2021 08:28:41 GMT}. */
public final class EveDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private EveDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Parses any RFC 1123 date (one- or two-digit day, any zone). */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
