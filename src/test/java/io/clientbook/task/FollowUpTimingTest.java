package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class FollowUpTimingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldCountDaysInTheBusinessTimeZoneAcrossADaylightSavingChange() {
        // 10:00 in Berlin on the Saturday before the clocks go back; two days later is 10:00 again, 49 hours on.
        Instant purchase = Instant.parse("2026-10-24T08:00:00Z");
        Instant due = FollowUpTiming.daysAfter(purchase, 2, BERLIN);
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(Duration.between(purchase, due)).isEqualTo(Duration.ofHours(49));
        assertThat(FollowUpTiming.daysAfter(purchase, 2, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void shouldPutADueTimeOnTheLocalDayAndMoveItOutOfADaylightSavingGap() {
        assertThat(FollowUpTiming.dueOn(LocalDate.of(2026, 12, 25), LocalTime.of(9, 0), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-25T01:00:00Z"));
        // 02:30 does not exist in Berlin on 29 March 2026: it becomes 03:30 local.
        assertThat(FollowUpTiming.dueOn(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void shouldCelebrateLeapDayBirthdaysOnFebruary28InOtherYears() {
        assertThat(FollowUpTiming.anniversaryIn(MonthDay.of(2, 29), 2027)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(FollowUpTiming.anniversaryIn(MonthDay.of(2, 29), 2028)).isEqualTo(LocalDate.of(2028, 2, 29));

        List<FollowUpTiming.BirthdayMatch> nonLeap = FollowUpTiming.birthdaysBetween(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 3, 1));
        assertThat(nonLeap).containsExactly(
                new FollowUpTiming.BirthdayMatch(2, 27, LocalDate.of(2027, 2, 27)),
                new FollowUpTiming.BirthdayMatch(2, 28, LocalDate.of(2027, 2, 28)),
                new FollowUpTiming.BirthdayMatch(2, 29, LocalDate.of(2027, 2, 28)),
                new FollowUpTiming.BirthdayMatch(3, 1, LocalDate.of(2027, 3, 1)));
        List<FollowUpTiming.BirthdayMatch> leap = FollowUpTiming.birthdaysBetween(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 29));
        assertThat(leap).extracting(FollowUpTiming.BirthdayMatch::celebratedOn)
                .containsExactly(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 29));
    }

    @Test
    void shouldFindHolidaysInAWindowAcrossMonthEndsAndTheTurnOfTheYear() {
        List<FollowUpRuleFields.Holiday> holidays = List.of(new FollowUpRuleFields.Holiday("01-01", "New Year"),
                new FollowUpRuleFields.Holiday("12-31", "New Year's Eve"), new FollowUpRuleFields.Holiday("2027-01-02", "Sale"),
                new FollowUpRuleFields.Holiday("02-29", "Leap"), new FollowUpRuleFields.Holiday("01-01", "Duplicate"));
        assertThat(FollowUpTiming.holidaysBetween(holidays, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4)))
                .containsExactly(new FollowUpTiming.HolidayDate(LocalDate.of(2026, 12, 31), "New Year's Eve"),
                        new FollowUpTiming.HolidayDate(LocalDate.of(2027, 1, 1), "New Year"),
                        new FollowUpTiming.HolidayDate(LocalDate.of(2027, 1, 2), "Sale"));
        assertThat(FollowUpTiming.holidaysBetween(holidays, LocalDate.of(2027, 2, 25), LocalDate.of(2027, 3, 3)))
                .containsExactly(new FollowUpTiming.HolidayDate(LocalDate.of(2027, 2, 28), "Leap"));
    }

    @Test
    void shouldFollowUpNotNowCustomersBeforeTheirExpectedDateButNeverInThePast() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(FollowUpTiming.notNowFollowUpDay(LocalDate.of(2027, 3, 3), 7, today)).contains(LocalDate.of(2027, 2, 24));
        assertThat(FollowUpTiming.notNowFollowUpDay(LocalDate.of(2026, 11, 26), 7, today)).contains(today);
        assertThat(FollowUpTiming.notNowFollowUpDay(LocalDate.of(2026, 11, 22), 7, today)).isEmpty();
    }

    @Test
    void shouldCallATaskTooLateOnlyBeyondTheAllowedLateness() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(FollowUpTiming.tooLate(now.minus(Duration.ofDays(2)), now, Duration.ofDays(3))).isFalse();
        assertThat(FollowUpTiming.tooLate(now.minus(Duration.ofDays(4)), now, Duration.ofDays(3))).isTrue();
        assertThat(FollowUpTiming.tooLate(now.plus(Duration.ofDays(1)), now, Duration.ofDays(3))).isFalse();
    }
}
