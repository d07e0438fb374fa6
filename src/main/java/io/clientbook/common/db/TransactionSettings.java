package io.clientbook.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL setting for the rest of the current transaction only ({@code set_config(name, value, true)},
 * i.e. {@code SET LOCAL}): it ends with the transaction, so the pooled connection goes back with the
 * session's own value. Must run inside the transaction it is meant for.
 */
@ApplicationScoped
public class TransactionSettings {

    @Inject
    EntityManager em;

    public void set(String name, String value) {
        em.createNativeQuery("SELECT set_config(?1, ?2, true)").setParameter(1, name).setParameter(2, value)
                .getSingleResult();
    }
}
