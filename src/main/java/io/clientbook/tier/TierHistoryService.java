package io.clientbook.tier;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.customer.CustomerService;

/** A customer's tier history: the changes of tier or RFM segment runs made, newest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TierHistoryService {

    private static final String SORT = "tierHistory";

    @Inject
    TierChangeRepository changes;
    @Inject
    CustomerService customers;

    /** 404 for an unknown or erased customer. The cursor carries the customer, so it only pages this history. */
    public Page<TierChange> history(UUID customerId, PageRequest page) {
        customers.get(customerId);
        Long afterId = null;
        if (page.cursor() != null) {
            Cursor after = Cursor.decode(page.cursor(), SORT);
            if (!after.id().equals(customerId)) {
                throw Cursor.invalid();
            }
            try {
                afterId = Long.parseLong(after.value());
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
        }
        List<TierChange> rows = changes.page(customerId, afterId, page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, Long.toString(last.id), customerId));
    }
}
