package io.clientbook.customer;

/** What the customer mainly looks for (seed 001 §1.3). */
public enum NeedOrientation {
    PRODUCT, PRICE, SERVICE
}
