package io.clientbook.event;

import java.util.UUID;

import io.clientbook.interaction.Interaction;

/** An entry was appended to a customer's contact log (posted, or written by another capability). */
public record InteractionLogged(Interaction interaction) implements DomainEvent {

    @Override
    public UUID customerId() {
        return interaction.customerId;
    }
}
