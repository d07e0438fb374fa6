package io.clientbook.common.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

import org.jboss.logging.MDC;

import io.clientbook.common.web.RequestIds;

/** Counts the JTA transactions begun, by the request id they were begun for (Narayana announces each begin). */
@ApplicationScoped
public class TransactionsBegun {

    private final Map<String, AtomicInteger> byRequest = new ConcurrentHashMap<>();

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            byRequest.computeIfAbsent(requestId.toString(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** How many transactions were begun while serving the request with this id. */
    public int forRequest(String requestId) {
        AtomicInteger n = byRequest.get(requestId);
        return n == null ? 0 : n.get();
    }
}
