package io.clientbook.customer;

/** The filters of {@code GET /customers}; null means "any". */
public record CustomerListQuery(String q, Tier tier, String tag, String region, BuyingStage buyingStage, String owner,
        CustomerSort.Order order) {
}
