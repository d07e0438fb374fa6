package io.clientbook.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.ApiProblem;

class BatchIngestGateTest {

    @Test
    void shouldLetInAsManyBatchesAsConfiguredAndTheNextWhenOneLeaves() {
        BatchIngestGate gate = new BatchIngestGate(2, Duration.ofMillis(50));
        BatchIngestGate.Turn first = gate.enter();
        BatchIngestGate.Turn second = gate.enter();
        assertThatThrownBy(gate::enter).isInstanceOf(ApiProblem.class);
        first.close();
        first.close(); // closing twice gives back one turn, not two
        BatchIngestGate.Turn third = gate.enter();
        assertThatThrownBy(gate::enter).isInstanceOf(ApiProblem.class);
        second.close();
        third.close();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenNoTurnComesInTime() {
        BatchIngestGate gate = new BatchIngestGate(1, Duration.ofMillis(20));
        try (BatchIngestGate.Turn held = gate.enter()) {
            assertThatThrownBy(gate::enter).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status()).isEqualTo(503);
                assertThat(p.slug()).isEqualTo("ingest-busy");
                assertThat(p.headers()).containsEntry("Retry-After", "1");
            });
        }
    }

    @Test
    void shouldAdmitAWaitingBatchAsSoonAsATurnIsFree() throws InterruptedException {
        BatchIngestGate gate = new BatchIngestGate(1, Duration.ofSeconds(10));
        BatchIngestGate.Turn held = gate.enter();
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.close();
        });
        release.start();
        long started = System.nanoTime();
        try (BatchIngestGate.Turn next = gate.enter()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        release.join();
    }
}
