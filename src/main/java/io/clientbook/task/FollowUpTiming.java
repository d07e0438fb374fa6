package io.clientbook.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When follow-up tasks are due. Days are calendar days in the business's time zone (2 days after a
 * purchase at 10:00 is 10:00 two days later even across a daylight-saving change), a day's due time
 * that falls into a daylight-saving gap moves forward, and yearly dates of February 29 fall on
 * February 28 in other years. Pure: no clock, no database; unit-tested on its own.
 */
public final class FollowUpTiming {

    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    private FollowUpTiming() {
    }

    /** A birth (month, day) whose birthday is celebrated on {@code celebratedOn}. */
    public record BirthdayMatch(int month, int day, LocalDate celebratedOn) {
    }

    /** A holiday on a concrete date. */
    public record HolidayDate(LocalDate date, String name) {
    }

    /** {@code days} calendar days after {@code trigger}, at the same local time in {@code zone}. */
    public static Instant daysAfter(Instant trigger, int days, ZoneId zone) {
        return trigger.atZone(zone).plusDays(days).toInstant();
    }

    /** {@code day} at the local {@code time} in {@code zone} (a time in a DST gap moves forward by the gap). */
    public static Instant dueOn(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The date a yearly day falls on in {@code year}: February 29 is February 28 in a non-leap year. */
    public static LocalDate anniversaryIn(MonthDay day, int year) {
        return day.atYear(year);
    }

    /**
     * Every birth (month, day) whose birthday falls on a day from {@code from} to {@code to} inclusive:
     * each day's own, plus February 29 on February 28 of a non-leap year.
     */
    public static List<BirthdayMatch> birthdaysBetween(LocalDate from, LocalDate to) {
        List<BirthdayMatch> matches = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            matches.add(new BirthdayMatch(d.getMonthValue(), d.getDayOfMonth(), d));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                matches.add(new BirthdayMatch(LEAP_DAY.getMonthValue(), LEAP_DAY.getDayOfMonth(), d));
            }
        }
        return matches;
    }

    /**
     * The holidays falling on a day from {@code from} to {@code to} inclusive. A holiday is a yearly
     * {@code MM-DD} (February 29 falls on February 28 in other years) or one {@code YYYY-MM-DD} date;
     * two holidays on one date count once (the first named).
     */
    public static List<HolidayDate> holidaysBetween(List<FollowUpRuleFields.Holiday> holidays, LocalDate from, LocalDate to) {
        Map<LocalDate, HolidayDate> byDate = new LinkedHashMap<>();
        for (FollowUpRuleFields.Holiday h : holidays) {
            Optional<LocalDate> once = h.fixedDate();
            if (once.isPresent()) {
                add(byDate, once.get(), h.name(), from, to);
            } else {
                MonthDay yearly = h.yearlyDay().orElseThrow();
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    add(byDate, anniversaryIn(yearly, year), h.name(), from, to);
                }
            }
        }
        return byDate.values().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    private static void add(Map<LocalDate, HolidayDate> byDate, LocalDate date, String name, LocalDate from, LocalDate to) {
        if (!date.isBefore(from) && !date.isAfter(to)) {
            byDate.putIfAbsent(date, new HolidayDate(date, name));
        }
    }

    /**
     * When to follow up a NOT_NOW customer expecting to buy on {@code expected}: {@code daysBefore} days
     * before it, or today if that is already past; nothing when the expected date itself is past.
     */
    public static Optional<LocalDate> notNowFollowUpDay(LocalDate expected, int daysBefore, LocalDate today) {
        if (expected.isBefore(today)) {
            return Optional.empty();
        }
        LocalDate day = expected.minusDays(daysBefore);
        return Optional.of(day.isBefore(today) ? today : day);
    }

    /** Whether a task due at {@code due} would already be late by more than {@code maxLateness} at {@code now}. */
    public static boolean tooLate(Instant due, Instant now, Duration maxLateness) {
        return due.isBefore(now.minus(maxLateness));
    }
}
