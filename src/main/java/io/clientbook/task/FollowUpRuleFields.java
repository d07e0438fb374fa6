package io.clientbook.task;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.clientbook.common.error.FieldError;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;

/**
 * The settings of a follow-up rule: the body of {@code PUT /follow-up-rules/{ruleId}} (all of the
 * rule's fields, replaced together) and part of what GET answers. Rule-specific members are present
 * exactly on the rules they belong to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FollowUpRuleFields", description = "The settings of a follow-up rule. PUT replaces all of them: "
        + "enabled, title, delayDays, priority, channels, tiers and includeUntiered on every rule; leadDays on "
        + "BIRTHDAY_GREETING and HOLIDAY_GREETING; responseHours on COMPLAINT_FOLLOW_UP; daysBefore on PURCHASE_INTENT; "
        + "intervalDays on CHECK_IN; holidays on HOLIDAY_GREETING. A member on a rule it does not belong to is a 400.")
public record FollowUpRuleFields(
        @Schema(required = true, description = "A disabled rule creates nothing") Boolean enabled,
        @Schema(required = true, description = "Title of the tasks the rule creates (1–200 characters)",
                examples = "Thank the customer for the purchase") String title,
        @Schema(required = true, description = "Days from the trigger to the due date (0–3650); date rules are due on the day (0)",
                examples = "2") Integer delayDays,
        @Schema(description = "BIRTHDAY_GREETING, HOLIDAY_GREETING: days ahead of the day the task is created (0–365)",
                examples = "7") Integer leadDays,
        @Schema(required = true) Priority priority,
        @Schema(required = true, description = "The channel policy: channels the rule may use, in order of preference "
                + "after the customer's preferred one. Marketing-type rules only use channels the customer consented to.",
                examples = "[\"EMAIL\", \"SMS\", \"PHONE\"]") List<ContactChannel> channels,
        @Schema(required = true, description = "The tiers the rule applies to (a subset of A, B, C)", examples = "[\"A\", \"B\", \"C\"]")
        List<Tier> tiers,
        @Schema(required = true, description = "Whether customers no tier run has scored yet (tier null) are covered")
        Boolean includeUntiered,
        @Schema(description = "COMPLAINT_FOLLOW_UP: hours from a complaint's opening to its follow-up (1–720); "
                + "delayDays is the wait after resolution before asking for feedback", examples = "24") Integer responseHours,
        @Schema(description = "PURCHASE_INTENT: days before a NOT_NOW customer's expected purchase date (0–365); "
                + "delayDays is the wait after a customer becomes INTERESTED", examples = "7") Integer daysBefore,
        @Schema(description = "CHECK_IN: days without an outbound contact after which a customer of the tier gets a check-in "
                + "(1–3650); a tier not named gets none", examples = "{\"A\": 30, \"B\": 90}") Map<Tier, Integer> intervalDays,
        @Schema(description = "HOLIDAY_GREETING: the holidays (at most 100)") List<Holiday> holidays) {

    /** A holiday: yearly ({@code MM-DD}) or on one date ({@code YYYY-MM-DD}). */
    @Schema(name = "Holiday")
    public record Holiday(
            @Schema(required = true, description = "MM-DD for every year (02-29 falls on 02-28 in other years), or YYYY-MM-DD once",
                    examples = "12-25") String date,
            @Schema(description = "Up to 100 characters", examples = "Christmas Day") String name) {

        public Optional<LocalDate> fixedDate() {
            if (date == null || date.length() != 10) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        public Optional<MonthDay> yearlyDay() {
            if (date == null || !date.matches("\\d\\d-\\d\\d")) {
                return Optional.empty();
            }
            try {
                return Optional.of(MonthDay.of(Integer.parseInt(date.substring(0, 2)), Integer.parseInt(date.substring(3))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /** Everything wrong with these settings for {@code rule}, field by field (empty when valid). */
    public List<FieldError> errors(FollowUpRuleId rule) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "enabled", enabled);
        required(errors, "includeUntiered", includeUntiered);
        required(errors, "priority", priority);
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.trim().length() > 200) {
            errors.add(new FieldError("title", "must be at most 200 characters"));
        }
        range(errors, "delayDays", delayDays, 0, 3650, true);
        if (channels == null || channels.isEmpty()) {
            errors.add(new FieldError("channels", "must name at least one channel"));
        } else {
            noNullsOrDuplicates(errors, "channels", channels);
        }
        if (tiers == null) {
            errors.add(new FieldError("tiers", "is required (an empty list covers no tier)"));
        } else {
            noNullsOrDuplicates(errors, "tiers", tiers);
        }
        boolean dateAhead = rule == FollowUpRuleId.BIRTHDAY_GREETING || rule == FollowUpRuleId.HOLIDAY_GREETING;
        only(errors, "leadDays", leadDays, dateAhead, rule);
        range(errors, "leadDays", leadDays, 0, 365, dateAhead);
        only(errors, "responseHours", responseHours, rule == FollowUpRuleId.COMPLAINT_FOLLOW_UP, rule);
        range(errors, "responseHours", responseHours, 1, 720, rule == FollowUpRuleId.COMPLAINT_FOLLOW_UP);
        only(errors, "daysBefore", daysBefore, rule == FollowUpRuleId.PURCHASE_INTENT, rule);
        range(errors, "daysBefore", daysBefore, 0, 365, rule == FollowUpRuleId.PURCHASE_INTENT);
        only(errors, "intervalDays", intervalDays, rule == FollowUpRuleId.CHECK_IN, rule);
        if (rule == FollowUpRuleId.CHECK_IN) {
            if (intervalDays == null) {
                errors.add(new FieldError("intervalDays", "is required"));
            } else {
                intervalDays.forEach((tier, days) -> range(errors, "intervalDays." + tier, days, 1, 3650, true));
            }
        }
        only(errors, "holidays", holidays, rule == FollowUpRuleId.HOLIDAY_GREETING, rule);
        if (rule == FollowUpRuleId.HOLIDAY_GREETING) {
            holidayErrors(errors);
        }
        return errors;
    }

    /** Trimmed texts. */
    public FollowUpRuleFields normalized() {
        List<Holiday> cleanHolidays = holidays == null ? null
                : holidays.stream().map(h -> h == null ? null
                        : new Holiday(h.date() == null ? null : h.date().trim(), h.name() == null || h.name().isBlank() ? null : h.name().trim()))
                        .toList();
        return new FollowUpRuleFields(enabled, title == null ? null : title.trim(), delayDays, leadDays, priority, channels,
                tiers, includeUntiered, responseHours, daysBefore, intervalDays, cleanHolidays);
    }

    private void holidayErrors(List<FieldError> errors) {
        if (holidays == null) {
            errors.add(new FieldError("holidays", "is required (an empty list for none)"));
            return;
        }
        if (holidays.size() > 100) {
            errors.add(new FieldError("holidays", "must have at most 100 entries"));
        }
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String at = "holidays[" + i + "]";
            if (h == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (h.fixedDate().isEmpty() && h.yearlyDay().isEmpty()) {
                errors.add(new FieldError(at + ".date", "must be a real date as MM-DD (yearly) or YYYY-MM-DD (once)"));
            }
            if (h.name() != null && h.name().length() > 100) {
                errors.add(new FieldError(at + ".name", "must be at most 100 characters"));
            }
        }
    }

    private static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void only(List<FieldError> errors, String field, Object value, boolean applies, FollowUpRuleId rule) {
        if (value != null && !applies) {
            errors.add(new FieldError(field, "does not apply to " + rule));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required && errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
    }

    private static <T> void noNullsOrDuplicates(List<FieldError> errors, String field, List<T> values) {
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be null"));
            } else if (!seen.add(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "is named twice"));
            }
        }
    }
}
