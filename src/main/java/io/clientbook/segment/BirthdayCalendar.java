package io.clientbook.segment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Days until a birthday, counted from a given day. Birthdays of February 29 are kept on
 * February 28 in common years. Used to turn "birthday within N days" into the set of month-days
 * that qualify, which an expression index on the birth date's month and day serves directly,
 * across the turn of the year as well.
 */
public final class BirthdayCalendar {

    private BirthdayCalendar() {
    }

    /** Days from {@code today} to the next birthday on {@code birthday} (0 when it is today, at most 365). */
    public static int daysUntil(MonthDay birthday, LocalDate today) {
        for (int year = today.getYear(); ; year++) {
            LocalDate next = occurrence(birthday, year);
            if (!next.isBefore(today)) {
                return (int) ChronoUnit.DAYS.between(today, next);
            }
        }
    }

    /** The day the birthday is celebrated in {@code year}: February 29 falls on the 28th in common years. */
    public static LocalDate occurrence(MonthDay birthday, int year) {
        return birthday.isValidYear(year) ? birthday.atYear(year) : LocalDate.of(year, 2, 28);
    }

    /** Every month-day (as month × 100 + day) whose days-until-birthday from {@code today} satisfies {@code days}. */
    public static List<Integer> monthDaysWhere(IntPredicate days, LocalDate today) {
        List<Integer> matching = new ArrayList<>();
        // 2000 is a leap year, so this walks all 366 month-days including February 29.
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() == 2000; d = d.plusDays(1)) {
            MonthDay md = MonthDay.from(d);
            if (days.test(daysUntil(md, today))) {
                matching.add(md.getMonthValue() * 100 + md.getDayOfMonth());
            }
        }
        return matching;
    }
}
