package io.clientbook.customer;

/** Value class by share of revenue: A key, B major, C ordinary customers. */
public enum Tier {
    A, B, C
}
