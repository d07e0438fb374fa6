package io.clientbook.task.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.Problem;
import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.task.CampaignService;
import io.clientbook.task.NewTask;
import io.clientbook.task.Task;
import io.clientbook.task.TaskFields;
import io.clientbook.task.TaskListQuery;
import io.clientbook.task.TaskService;
import io.clientbook.task.TaskStatus;
import io.clientbook.task.TaskType;

@Path("/api/v1/tasks")
@Tag(name = "Tasks", description = "Follow-up work for a person: a customer, a due date, a channel, an assignee and "
        + "what came of it. Created by hand or by the follow-up rules; OPEN → DONE | CANCELLED, reopen allowed.")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final String LIST_DESCRIPTION = "In work-queue order: by due time, then HIGH before NORMAL before LOW; keyset-paged.";
    private static final String EXAMPLE = """
            {"customerId": "0b9f6c4e-2f4e-4a4a-9c9c-5d2b1e7f3a10", "type": "PROMOTION_INVITE",
             "title": "Invite to the spring collection preview", "channel": "EMAIL", "dueAt": "2026-11-25T09:00:00Z",
             "priority": "NORMAL"}""";
    private static final String COMPLETE_EXAMPLE = """
            {"status": "DONE", "outcome": "Customer happy with the lamp; wants the catalogue"}""";
    private static final String ILLEGAL_MOVE_EXAMPLE = """
            {"type": "urn:clientbook:problem:illegal-status-transition", "title": "Illegal status transition",
             "status": 409, "detail": "A task cannot move from DONE to CANCELLED; from DONE it can move to [OPEN]",
             "errors": [{"field": "status", "message": "cannot move from DONE to CANCELLED"}],
             "currentStatus": "DONE", "allowedNextStates": ["OPEN"]}""";
    private static final String UNKNOWN_CUSTOMER_EXAMPLE = """
            {"type": "urn:clientbook:problem:unknown-customer", "title": "Unknown customer", "status": 422,
             "detail": "No customer with id '0b9f6c4e-2f4e-4a4a-9c9c-5d2b1e7f3a10'",
             "errors": [{"field": "customerId", "message": "names no customer"}]}""";

    @Inject
    TaskService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "createTask", summary = "Create a task by hand",
            description = "The task starts OPEN with source MANUAL. assignee defaults to the customer's owner, type to CUSTOM, "
                    + "priority to NORMAL, channel to the customer's consented preferred channel. Manual tasks are the staff's "
                    + "own decision: consent and the contact-frequency cap are not applied to them (marketing-type manual tasks "
                    + "still count for the cap of generated ones).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewTask.class),
            examples = @ExampleObject(name = "task", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new task",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "422", description = "customerId names no customer (or an erased one); or the "
            + "Idempotency-Key was used before for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "unknown-customer", value = UNKNOWN_CUSTOMER_EXAMPLE)))
    public Response create(NewTask body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/tasks", body, () -> {
            Task t = service.create(body, caller.name());
            return Response.created(URI.create("/api/v1/tasks/" + t.id)).header("ETag", ETags.of(t.version))
                    .entity(TaskResponse.of(t)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listTasks", summary = "List tasks (work queues)",
            description = LIST_DESCRIPTION + " assignee=me is the caller's own queue (the calling key's name).")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(schema = @Schema(implementation = TaskPage.class)))
    public TaskPage list(
            @QueryParam("assignee") @Parameter(description = "A member of staff's name, or me for the caller") String assignee,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = TaskStatus.class)) String status,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = TaskType.class)) String type,
            @QueryParam("customerId") @Parameter(description = "Only this customer's tasks",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String customerId,
            @QueryParam("dueBefore") @Parameter(description = "Only tasks due before this time",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String dueBefore,
            @QueryParam("overdue") @Parameter(description = "true: only OPEN tasks past their due time",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("source") @Parameter(description = "Only tasks of this source: a follow-up rule id (e.g. THANK_YOU), "
                    + "CAMPAIGN or MANUAL") String source,
            @QueryParam("campaign") @Parameter(description = "Only the tasks of this campaign (its key, as POST "
                    + "/api/v1/segments/{id}/tasks answered it)", example = "spring-2026") String campaign,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        TaskListQuery query = query(assignee, status, type, QueryParams.uuid(customerId, "customerId"), dueBefore, overdue, caller);
        String campaignKey = QueryParams.text(campaign, "campaign", 100);
        query = new TaskListQuery(query.assignee(), query.status(), query.type(), query.customerId(), query.dueBefore(),
                query.overdue(), query.now(), campaignKey != null ? CampaignService.SOURCE : QueryParams.text(source, "source", 30),
                campaignKey == null ? null : CampaignService.triggerKey(campaignKey));
        if (campaignKey != null && source != null && !source.isBlank() && !CampaignService.SOURCE.equals(source.trim())) {
            throw ApiProblem.validation("source", "must be CAMPAIGN (or absent) with campaign");
        }
        Page<TaskResponse> page = service.list(query, PageRequest.of(limit, cursor)).map(TaskResponse::of);
        return new TaskPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "getTask", summary = "Get a task")
    @APIResponse(responseCode = "200", description = "The task; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.get(QueryParams.pathId(id, "task")));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "patchTask", summary = "Change, complete, cancel or reopen a task (JSON Merge Patch)",
            description = "Changeable: title, channel, dueAt, assignee, priority, status, outcome; read-only fields in the body "
                    + "are a 400. Moves: OPEN → DONE | CANCELLED, DONE | CANCELLED → OPEN (reopen); others are a 409 listing "
                    + "allowedNextStates. Completing needs an outcome (400) and writes the contact to the customer's contact "
                    + "log (the task's channel, OUTBOUND, the outcome) in the same transaction. Reopening clears completedAt "
                    + "and the outcome. A DONE or CANCELLED task takes no other change (409).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = TaskFields.class), examples = @ExampleObject(name = "complete", value = COMPLETE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed task, with its new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "409", description = "An illegal status move, or a change to a closed task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "illegal-status-transition", value = ILLEGAL_MOVE_EXAMPLE)))
    public Response patch(@PathParam("id") String id, JsonNode patch,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.patch(QueryParams.pathId(id, "task"), patch, ifMatch, caller.name()));
    }

    static TaskListQuery query(String assignee, String status, String type, java.util.UUID customerId, String dueBefore,
            String overdue, Caller caller) {
        String who = QueryParams.text(assignee, "assignee", 100);
        if ("me".equals(who)) {
            who = caller.name();
        }
        boolean onlyOverdue = false;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.trim().equals("true") && !overdue.trim().equals("false")) {
                throw ApiProblem.validation("overdue", "must be true or false");
            }
            onlyOverdue = overdue.trim().equals("true");
        }
        return new TaskListQuery(who, QueryParams.enumValue(TaskStatus.class, status, "status"),
                QueryParams.enumValue(TaskType.class, type, "type"), customerId, QueryParams.instant(dueBefore, "dueBefore"),
                onlyOverdue, Timestamps.now());
    }

    private static Response ok(Task t) {
        return Response.ok(TaskResponse.of(t)).header("ETag", ETags.of(t.version)).build();
    }
}
