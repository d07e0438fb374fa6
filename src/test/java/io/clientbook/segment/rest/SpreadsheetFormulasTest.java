package io.clientbook.segment.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetFormulasTest {

    @Test
    void shouldPrefixEveryFormulaTrigger() {
        assertThat(SpreadsheetFormulas.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetFormulas.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SpreadsheetFormulas.neutralise("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetFormulas.neutralise("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(SpreadsheetFormulas.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetFormulas.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(SpreadsheetFormulas.neutralise("-")).isEqualTo("'-");
    }

    @Test
    void shouldNotTouchNumbersPhonesOrOrdinaryText() {
        assertThat(SpreadsheetFormulas.neutralise("+44 20 7946 0958")).isEqualTo("+44 20 7946 0958");
        assertThat(SpreadsheetFormulas.neutralise("+1 (555) 010-0199")).isEqualTo("+1 (555) 010-0199");
        assertThat(SpreadsheetFormulas.neutralise("+** ** **** **58")).isEqualTo("+** ** **** **58");
        assertThat(SpreadsheetFormulas.neutralise("-12.50")).isEqualTo("-12.50");
        assertThat(SpreadsheetFormulas.neutralise("O'Brien, Jr.")).isEqualTo("O'Brien, Jr.");
        assertThat(SpreadsheetFormulas.neutralise("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetFormulas.neutralise("")).isEmpty();
        assertThat(SpreadsheetFormulas.neutralise(null)).isNull();
    }
}
