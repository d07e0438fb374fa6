package io.clientbook.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.customer.Consent;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Customer;
import io.clientbook.customer.CustomerRepository;
import io.clientbook.customer.CustomerService;
import io.clientbook.customer.StoredConsent;
import io.clientbook.event.DomainEvent;
import io.clientbook.event.TaskCompleted;
import io.clientbook.event.TaskUpdated;
import io.clientbook.event.TaskCreated;
import io.clientbook.interaction.Direction;
import io.clientbook.interaction.Interaction;
import io.clientbook.interaction.InteractionService;

/** Tasks: create by hand, read, list as work queues, and move through their life cycle by merge patch. */
@ApplicationScoped
@Transactional
public class TaskService {

    /** Fields a client sees but may not write; naming one in a patch is a 400. */
    static final Set<String> READ_ONLY = Set.of("id", "customerId", "type", "source", "triggerKey", "completedAt",
            "interactionId", "createdBy", "createdAt", "updatedAt");
    /** The one order of task lists (due, then priority), and the name their cursors carry. */
    private static final String SORT = "dueAt,priority";
    private static final List<ContactChannel> DEFAULT_CHANNELS = List.of(ContactChannel.PHONE, ContactChannel.EMAIL,
            ContactChannel.SMS, ContactChannel.SOCIAL, ContactChannel.VISIT);

    @Inject
    TaskRepository tasks;
    @Inject
    CustomerRepository customerFiles;
    @Inject
    CustomerService customers;
    @Inject
    StoredConsent storedConsent;
    @Inject
    InteractionService interactions;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    TaskMetrics metrics;
    @Inject
    Event<DomainEvent> events;

    /**
     * Creates a task by hand (source MANUAL), OPEN. The assignee defaults to the customer's owner, the
     * channel to the customer's consented preferred one ({@link ContactPolicy#serviceChannel}). An
     * unknown or erased customer is a 422 naming {@code customerId}.
     */
    public Task create(NewTask input, String createdBy) {
        if (input == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        NewTask fields = input.normalized();
        Violations.throwIfAny(Violations.toFieldErrors(validator.validate(fields), null));
        Customer customer = customerFiles.findByIdOptional(fields.customerId()).filter(c -> c.erasedAt == null)
                .orElseThrow(() -> new ApiProblem(422, "unknown-customer", "Unknown customer",
                        "No customer with id '" + fields.customerId() + "'",
                        List.of(new FieldError("customerId", "names no customer"))));
        Instant now = Timestamps.now();
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.customerId = customer.id;
        t.type = fields.type() == null ? TaskType.CUSTOM : fields.type();
        t.title = fields.title();
        t.channel = ContactPolicy.serviceChannel(fields.channel(), customer.preferredChannel, consented(customer),
                DEFAULT_CHANNELS);
        t.dueAt = fields.dueAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        t.assignee = fields.assignee() != null ? fields.assignee() : customer.owner;
        t.priority = fields.priority() == null ? Priority.NORMAL : fields.priority();
        t.status = TaskStatus.OPEN;
        t.source = Task.MANUAL;
        t.marketing = t.type.marketing();
        t.createdBy = createdBy;
        t.createdAt = now;
        t.updatedAt = now;
        tasks.persist(t);
        tasks.flush();
        events.fire(new TaskCreated(t));
        metrics.created(Task.MANUAL, 1);
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Task get(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("task", id));
    }

    /** Tasks in work-queue order (due, then HIGH first), filtered, keyset-paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Task> list(TaskListQuery query, PageRequest page) {
        Instant afterDue = null;
        Short afterRank = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            Cursor after = Cursor.decode(page.cursor(), SORT);
            String[] parts = after.value().split("\\|", -1);
            try {
                afterDue = Instant.parse(parts[0]);
                afterRank = Short.valueOf(parts[1]);
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            afterId = after.id();
        }
        List<Task> rows = tasks.page(query, afterDue, afterRank, afterId, page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(),
                last -> new Cursor(SORT, last.dueAt + "|" + last.priorityRank, last.id));
    }

    /** The tasks of one customer; 404 when the customer does not exist or was erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Task> listOfCustomer(UUID customerId, TaskListQuery query, PageRequest page) {
        customers.get(customerId);
        return list(query.withCustomer(customerId), page);
    }

    /**
     * Applies a JSON Merge Patch to the changeable fields, after the If-Match check, through
     * {@link TaskWorkflow}. Completing (→ DONE) stamps completedAt and writes the contact to the
     * customer's contact log (the task's channel, OUTBOUND, the outcome) in this transaction; reopening
     * clears completedAt and the old outcome (the log entry stays: the contact happened).
     */
    public Task patch(UUID id, JsonNode patch, String ifMatch, String caller) {
        Task t = tasks.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("task", id));
        ETags.checkIfMatch(ifMatch, t.version);
        MergePatch.requireObject(patch);
        MergePatch.rejectReadOnly(patch, READ_ONLY);
        TaskFields before = TaskFields.of(t);
        TaskFields after = MergePatch.read(json, MergePatch.apply(json.valueToTree(before), patch), TaskFields.class).normalized();
        if (TaskWorkflow.isReopening(before.status(), after.status()) && !patch.has("outcome")) {
            after = after.withOutcome(null);
        }
        Violations.throwIfAny(Violations.toFieldErrors(validator.validate(after), null));
        TaskWorkflow.check(before, after);
        if (after.equals(before)) {
            return t;
        }
        Instant now = Timestamps.now();
        boolean completing = TaskWorkflow.isCompleting(before.status(), after.status());
        if (completing) {
            Interaction logged = interactions.record(t.customerId, after.channel(), Direction.OUTBOUND, now,
                    t.title, after.outcome(), caller);
            t.interactionId = logged.id;
            t.completedAt = now;
        } else if (after.status() != TaskStatus.DONE) {
            t.completedAt = null;
        }
        t.title = after.title();
        t.channel = after.channel();
        t.dueAt = after.dueAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        t.assignee = after.assignee();
        t.priority = after.priority();
        t.status = after.status();
        t.outcome = after.outcome();
        t.updatedAt = now;
        tasks.flush();
        events.fire(new TaskUpdated(t, before, TaskFields.of(t)));
        if (completing) {
            events.fire(new TaskCompleted(t));
        }
        return t;
    }

    private Set<ContactChannel> consented(Customer c) {
        Map<ContactChannel, Consent> consent = storedConsent.of(c);
        return consent.entrySet().stream().filter(e -> e.getValue() != null && Boolean.TRUE.equals(e.getValue().granted()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

}
