package io.clientbook.feed;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.clientbook.event.PurchasesRecorded;

/**
 * Test-only: fails the transaction of any purchase whose product is {@value #FAIL_PRODUCT}. It runs
 * after the feed's observer (a later priority), so the events are already appended when the change
 * rolls back: the feed must not show them.
 */
@ApplicationScoped
public class FailingPurchaseObserver {

    public static final String FAIL_PRODUCT = "FeedRollsBackHere";

    void on(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) PurchasesRecorded e) {
        if (e.purchases().stream().anyMatch(p -> FAIL_PRODUCT.equals(p.product))) {
            throw new IllegalStateException("observer refused the purchases on purpose");
        }
    }
}
