package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.FieldError;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;

class FollowUpRuleFieldsTest {

    private static FollowUpRuleFields checkIn(Map<Tier, Integer> intervals) {
        return new FollowUpRuleFields(true, "Keep in touch", 0, null, Priority.NORMAL, List.of(ContactChannel.PHONE),
                List.of(Tier.A, Tier.B), false, null, null, intervals, null);
    }

    @Test
    void shouldAcceptTheDefaultsShape() {
        assertThat(checkIn(Map.of(Tier.A, 30, Tier.B, 90)).errors(FollowUpRuleId.CHECK_IN)).isEmpty();
    }

    @Test
    void shouldNameEachWrongOrMisplacedField() {
        assertThat(checkIn(Map.of(Tier.A, 0)).errors(FollowUpRuleId.CHECK_IN)).extracting(FieldError::field)
                .containsExactly("intervalDays.A");
        assertThat(checkIn(null).errors(FollowUpRuleId.CHECK_IN)).extracting(FieldError::field).containsExactly("intervalDays");
        assertThat(checkIn(Map.of(Tier.A, 30)).errors(FollowUpRuleId.THANK_YOU)).extracting(FieldError::field)
                .containsExactly("intervalDays");
        FollowUpRuleFields empty = new FollowUpRuleFields(null, " ", null, null, null, List.of(), null, null, null, null, null,
                null);
        assertThat(empty.errors(FollowUpRuleId.BIRTHDAY_GREETING)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("enabled", "includeUntiered", "priority", "title", "delayDays", "channels", "tiers",
                        "leadDays");
    }

    @Test
    void shouldAcceptYearlyAndOneOffHolidaysButNotImpossibleDates() {
        assertThat(new FollowUpRuleFields.Holiday("02-29", null).yearlyDay()).isPresent();
        assertThat(new FollowUpRuleFields.Holiday("2027-02-06", "Spring Festival").fixedDate()).isPresent();
        assertThat(new FollowUpRuleFields.Holiday("02-30", null).yearlyDay()).isEmpty();
        assertThat(new FollowUpRuleFields.Holiday("2027-02-29", null).fixedDate()).isEmpty();
        assertThat(new FollowUpRuleFields.Holiday("2-3", null).yearlyDay()).isEmpty();
    }
}
