package io.clientbook.interaction;

/** Who reached out: the customer to us, or we to the customer. */
public enum Direction {
    INBOUND, OUTBOUND
}
