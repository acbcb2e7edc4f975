package io.ferry.scheduler.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CronSchedulesTest {

    @Test
    void aTimeInTheSpringForwardGapFiresAtTheEndOfTheGapInsteadOfBeingSkipped() {
        // Europe/Berlin, 2026-03-29: clocks jump from 02:00 to 03:00 CEST (01:00Z); 02:30 does not exist.
        Instant first = CronSchedules.nextFire("30 2 * * *", "Europe/Berlin", Instant.parse("2026-03-28T02:00:00Z")).orElseThrow();
        Instant second = CronSchedules.nextFire("30 2 * * *", "Europe/Berlin", first).orElseThrow();
        Instant third = CronSchedules.nextFire("30 2 * * *", "Europe/Berlin", second).orElseThrow();

        assertThat(first).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(second).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
        assertThat(third).isEqualTo(Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void aTimeThatOccursTwiceWhenClocksGoBackFiresOnce() {
        // America/New_York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
        Instant first = CronSchedules.nextFire("30 1 * * *", "America/New_York", Instant.parse("2026-10-31T06:00:00Z")).orElseThrow();
        Instant second = CronSchedules.nextFire("30 1 * * *", "America/New_York", first).orElseThrow();

        assertThat(first).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(second).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void theSameScheduleFiresAtTheSameLocalTimeInEachZone() {
        Instant after = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(CronSchedules.nextFire("0 7 * * *", "UTC", after)).contains(Instant.parse("2026-06-01T07:00:00Z"));
        assertThat(CronSchedules.nextFire("0 7 * * *", "Asia/Kolkata", after)).contains(Instant.parse("2026-06-01T01:30:00Z"));
        assertThat(CronSchedules.nextFire("0 7 */1 * *", "America/Los_Angeles", after)).contains(Instant.parse("2026-06-01T14:00:00Z"));
    }

    @Test
    void dayNamesAreUnderstood() {
        Instant monday = CronSchedules.nextFire("0 7 * * MON,WED,FRI", "UTC", Instant.parse("2026-11-22T00:00:00Z")).orElseThrow();
        Instant wednesday = CronSchedules.nextFire("0 7 * * MON,WED,FRI", "UTC", monday).orElseThrow();
        assertThat(monday).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(wednesday).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    }

    @Test
    void invalidExpressionsAndZonesAreRecognised() {
        assertThatThrownBy(() -> CronSchedules.parse("61 * * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CronSchedules.zone("Mars/Olympus_Mons")).isEmpty();
        assertThat(CronSchedules.zone("Europe/Berlin")).isPresent();
    }
}
