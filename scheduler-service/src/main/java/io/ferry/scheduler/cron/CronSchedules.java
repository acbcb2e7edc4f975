package io.ferry.scheduler.cron;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Five-field cron schedules (minute hour day-of-month month day-of-week, names such as MON or JAN allowed),
 * evaluated in a policy's time zone with cron-utils, which handles daylight-saving changes.
 */
public final class CronSchedules {

    /** The five fields, in cron order, as the API names them. */
    public static final List<String> FIELDS = List.of("minute", "hour", "dayOfMonth", "month", "dayOfWeek");

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, ExecutionTime> EXECUTION_TIMES = new ConcurrentHashMap<>();

    private CronSchedules() {
    }

    /** @throws IllegalArgumentException with cron-utils' explanation when the expression is not valid */
    public static Cron parse(String expression) {
        Cron cron = PARSER.parse(expression.trim().replaceAll("\\s+", " "));
        cron.validate();
        return cron;
    }

    public static String[] fields(String expression) {
        return expression.trim().split("\\s+");
    }

    public static Optional<ZoneId> zone(String timezone) {
        try {
            return Optional.of(ZoneId.of(timezone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The first fire time strictly after {@code after}, in {@code timezone}; empty if the schedule never fires.
     * A time that falls into a daylight-saving gap (02:30 on the night clocks jump from 02:00 to 03:00) fires at
     * the end of the gap instead of being skipped, as cron daemons do; a time that occurs twice when clocks go
     * back fires once, at its first occurrence.
     */
    public static Optional<Instant> nextFire(String expression, String timezone, Instant after) {
        ZoneId zone = ZoneId.of(timezone);
        ExecutionTime executionTime = EXECUTION_TIMES.computeIfAbsent(expression, text -> ExecutionTime.forCron(parse(text)));
        Optional<Instant> next = executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
        ZoneRules rules = zone.getRules();
        for (ZoneOffsetTransition transition = rules.nextTransition(after);
                transition != null && (next.isEmpty() || transition.getInstant().isBefore(next.get()));
                transition = rules.nextTransition(transition.getInstant())) {
            if (transition.isGap() && matchesWithin(executionTime, transition.getDateTimeBefore(), transition.getDateTimeAfter())) {
                return Optional.of(transition.getInstant());
            }
        }
        return next;
    }

    /** True when the schedule names a local time in [from, to), which do not exist in the zone. */
    private static boolean matchesWithin(ExecutionTime executionTime, LocalDateTime from, LocalDateTime to) {
        for (LocalDateTime local = from; local.isBefore(to); local = local.plusMinutes(1)) {
            if (executionTime.isMatch(local.atZone(ZoneOffset.UTC))) {
                return true;
            }
        }
        return false;
    }
}
