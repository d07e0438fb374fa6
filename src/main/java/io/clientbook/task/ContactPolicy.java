package io.clientbook.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.clientbook.customer.ContactChannel;

/**
 * Whom a marketing-type task may reach, and how often, stated in Java and unit-tested on its own.
 * Generated tasks get these rules from the SQL of {@link TaskGenerationSql} (set-based, one
 * implementation for every rule; its tests check the same cases through HTTP); here they serve the
 * default channel of manual tasks and are the reference the SQL must agree with.
 * <ul>
 * <li>Channel: the customer's preferred channel if the rule allows it and the customer consented to
 * it, else the first channel of the rule's list the customer consented to, else none (NO_CONSENT).
 * A channel asked for explicitly (a campaign's) is used only if consented.</li>
 * <li>Frequency: two marketing contacts of a customer less than {@code minDaysBetweenContacts} days
 * apart are too close (FREQUENCY_CAP); contacts of the same trigger (a purchase's thank-you and survey)
 * are one planned sequence and do not cap each other.</li>
 * </ul>
 */
public final class ContactPolicy {

    private ContactPolicy() {
    }

    /** The channel a marketing-type task goes through, or empty when the customer consented to none. */
    public static Optional<ContactChannel> marketingChannel(ContactChannel requested, ContactChannel preferred,
            Set<ContactChannel> consented, List<ContactChannel> allowed) {
        if (requested != null) {
            return consented.contains(requested) ? Optional.of(requested) : Optional.empty();
        }
        if (preferred != null && allowed.contains(preferred) && consented.contains(preferred)) {
            return Optional.of(preferred);
        }
        return allowed.stream().filter(consented::contains).findFirst();
    }

    /**
     * The channel of a task that needs no consent (a complaint follow-up, or one a person creates): the
     * one asked for, else the consented choice, else the preferred channel, else the first allowed.
     */
    public static ContactChannel serviceChannel(ContactChannel requested, ContactChannel preferred,
            Set<ContactChannel> consented, List<ContactChannel> allowed) {
        if (requested != null) {
            return requested;
        }
        return marketingChannel(null, preferred, consented, allowed)
                .orElse(preferred != null ? preferred : allowed.get(0));
    }

    /** Whether two marketing contacts at these times are closer than {@code minDaysBetweenContacts} days. */
    public static boolean tooClose(Instant a, Instant b, int minDaysBetweenContacts) {
        return Duration.between(a, b).abs().compareTo(Duration.ofDays(minDaysBetweenContacts)) < 0;
    }
}
