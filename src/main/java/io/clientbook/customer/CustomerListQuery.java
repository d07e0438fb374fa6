package io.clientbook.customer;

/**
 * The filters of {@code GET /customers}; null means "any". {@code qInContacts}: whether {@code q} also
 * matches e-mail and phone — not for callers who see contact data masked, or the search would tell
 * them whose an address is.
 */
public record CustomerListQuery(String q, Tier tier, String tag, String region, BuyingStage buyingStage, String owner,
        CustomerSort.Order order, boolean qInContacts) {
}
