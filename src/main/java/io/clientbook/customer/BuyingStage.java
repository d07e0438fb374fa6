package io.clientbook.customer;

/** Where the customer stands in buying (seed 004). */
public enum BuyingStage {
    INTERESTED, HESITANT, NOT_NOW, WILL_NOT_BUY, CUSTOMER
}
