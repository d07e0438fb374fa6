package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.feed.FeedPosition;

/** Which events above the horizon a batch may take: whole transactions only, within its room. */
class PurchaseFollowUpsWholeTransactionsTest {

    private static PurchaseFollowUps.Recorded event(long txId, long seq) {
        return new PurchaseFollowUps.Recorded(new FeedPosition(txId, seq), Instant.EPOCH, UUID.randomUUID(), UUID.randomUUID(),
                Instant.EPOCH, false);
    }

    private static List<Long> txIds(List<PurchaseFollowUps.Recorded> events) {
        return events.stream().map(e -> e.position().txId()).toList();
    }

    @Test
    void shouldTakeEverythingWhenTheReadWasNotCut() {
        assertThat(txIds(PurchaseFollowUps.wholeTransactions(List.of(event(10, 1), event(11, 2)), 2))).containsExactly(10L, 11L);
        assertThat(PurchaseFollowUps.wholeTransactions(List.of(), 5)).isEmpty();
    }

    @Test
    void shouldLeaveTheLastTransactionOutWhenTheReadWasCut() {
        // Room 2, read 3: transaction 11 may have more events past the read.
        assertThat(txIds(PurchaseFollowUps.wholeTransactions(List.of(event(10, 1), event(11, 2), event(11, 3)), 2)))
                .containsExactly(10L);
        assertThat(txIds(PurchaseFollowUps.wholeTransactions(List.of(event(10, 1), event(10, 2), event(11, 3)), 2)))
                .containsExactly(10L, 10L);
    }

    @Test
    void shouldTakeNothingOfATransactionLargerThanTheRoom() {
        assertThat(PurchaseFollowUps.wholeTransactions(List.of(event(12, 1), event(12, 2)), 1)).isEmpty();
    }
}
