package io.clientbook.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.clientbook.complaint.ComplaintFields;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.customer.CustomerService;
import io.clientbook.event.ComplaintOpened;
import io.clientbook.event.ComplaintUpdated;
import io.clientbook.event.CustomerCreated;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.CustomerUpdated;
import io.clientbook.event.InteractionLogged;
import io.clientbook.event.PurchaseVoided;
import io.clientbook.event.PurchasesRecorded;
import io.clientbook.interaction.Interaction;
import io.clientbook.event.TaskCreated;
import io.clientbook.event.TaskUpdated;
import io.clientbook.event.TasksCreated;
import io.clientbook.purchase.Purchase;
import io.clientbook.task.TaskFields;

/**
 * Audits every change announced as a domain event. Observers are synchronous, so each entry is
 * written in the transaction of the change it records. Creations list the fields given a value,
 * updates the fields that changed — names only.
 */
@ApplicationScoped
public class DomainEventAuditor {

    /** What a generated task is given: the rule sets these, never free text from a person. */
    private static final List<String> TASK_CREATED_FIELDS = List.of("customerId", "type", "title", "channel", "dueAt",
            "assignee", "priority", "status");

    @Inject
    AuditTrail trail;
    @Inject
    CustomerService customers;

    void on(@Observes CustomerCreated e) {
        trail.record(AuditAction.CREATE, AuditTarget.customer(e.customerId(), FieldNames.setIn(customers.fieldsOf(e.customer()))));
    }

    void on(@Observes CustomerUpdated e) {
        trail.record(AuditAction.UPDATE, AuditTarget.customer(e.customerId(), e.changedFields()));
    }

    void on(@Observes CustomerErased e) {
        trail.record(AuditAction.ERASE, AuditTarget.customer(e.customerId(), CustomerErasure.ERASED_FIELDS));
    }

    /** One entry per purchase, all in one insert: a batch of 1,000 is one statement. */
    void on(@Observes PurchasesRecorded e) {
        List<AuditTarget> targets = new ArrayList<>(e.purchases().size());
        for (Purchase p : e.purchases()) {
            targets.add(AuditTarget.of(AuditedTypes.PURCHASE, p.id, p.customerId, purchaseFields(p)));
        }
        trail.record(AuditAction.CREATE, targets);
    }

    void on(@Observes PurchaseVoided e) {
        Purchase p = e.purchase();
        List<String> fields = p.voidReason == null ? List.of("status", "voidedAt") : List.of("status", "voidedAt", "voidReason");
        trail.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.PURCHASE, p.id, p.customerId, fields));
    }

    void on(@Observes ComplaintOpened e) {
        trail.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.COMPLAINT, e.complaint().id, e.customerId(),
                FieldNames.setIn(ComplaintFields.of(e.complaint()))));
    }

    void on(@Observes ComplaintUpdated e) {
        trail.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.COMPLAINT, e.complaint().id, e.customerId(),
                e.changedFields()));
    }

    void on(@Observes InteractionLogged e) {
        Interaction i = e.interaction();
        List<String> fields = new ArrayList<>(List.of("channel", "direction", "occurredAt", "summary"));
        if (i.outcome != null) {
            fields.add("outcome");
        }
        trail.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.INTERACTION, i.id, i.customerId, fields));
    }

    void on(@Observes TaskCreated e) {
        trail.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.TASK, e.task().id, e.customerId(),
                FieldNames.setIn(TaskFields.of(e.task()))));
    }

    /** Tasks made set-based (daily job, campaign): audited set-based too, by their generation. */
    void on(@Observes TasksCreated e) {
        trail.recordAll(AuditAction.CREATE, AuditedTypes.TASK, TASK_CREATED_FIELDS,
                "SELECT CAST(t.id AS text) AS resource_id, t.customer_id FROM task t WHERE t.generation_id = :generationId",
                java.util.Map.of("generationId", e.generationId()));
    }

    void on(@Observes TaskUpdated e) {
        trail.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.TASK, e.task().id, e.customerId(), e.changedFields()));
    }

    private static List<String> purchaseFields(Purchase p) {
        List<String> fields = new ArrayList<>(List.of("externalId", "occurredAt", "amount", "currency"));
        if (p.product != null) {
            fields.add("product");
        }
        if (p.channel != null) {
            fields.add("channel");
        }
        return fields;
    }
}
