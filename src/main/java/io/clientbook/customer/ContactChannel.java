package io.clientbook.customer;

/** A way of reaching a customer: preferred channel, consent, contact log and tasks. */
public enum ContactChannel {
    PHONE, EMAIL, SMS, SOCIAL, VISIT
}
