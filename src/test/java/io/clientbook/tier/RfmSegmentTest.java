package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmSegmentTest {

    @ParameterizedTest(name = "R{0} F{1} is {2}")
    @CsvSource({
            "5,5,CHAMPIONS", "5,4,CHAMPIONS",
            "4,5,LOYAL", "4,4,LOYAL", "3,5,LOYAL", "3,4,LOYAL",
            "5,3,POTENTIAL_LOYALIST", "5,2,POTENTIAL_LOYALIST", "4,3,POTENTIAL_LOYALIST", "4,2,POTENTIAL_LOYALIST",
            "5,1,NEW", "4,1,PROMISING",
            "3,3,NEEDS_ATTENTION", "3,2,ABOUT_TO_SLEEP", "3,1,ABOUT_TO_SLEEP",
            "2,4,AT_RISK", "2,3,AT_RISK", "1,4,AT_RISK", "1,3,AT_RISK",
            "2,5,CANNOT_LOSE", "1,5,CANNOT_LOSE",
            "2,2,HIBERNATING", "2,1,HIBERNATING", "1,2,HIBERNATING", "1,1,HIBERNATING" })
    void shouldMapEveryRecencyAndFrequencyScoreToTheCommonSegment(int r, int f, RfmSegment expected) {
        assertThat(RfmSegment.of(r, f)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseScoresOutsideOneToFive() {
        assertThatThrownBy(() -> RfmSegment.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmSegment.of(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFitEverySegmentNameInTheColumn() {
        for (RfmSegment s : RfmSegment.values()) {
            assertThat(s.name().length()).as(s.name()).isLessThanOrEqualTo(20);
        }
    }
}
