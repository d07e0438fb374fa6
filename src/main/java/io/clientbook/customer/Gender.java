package io.clientbook.customer;

/** Gender as the customer states it. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
