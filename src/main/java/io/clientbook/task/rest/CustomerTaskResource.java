package io.clientbook.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.task.TaskService;
import io.clientbook.task.TaskStatus;
import io.clientbook.task.TaskType;

/** A customer's tasks, a sub-resource of the customer file. */
@Path("/api/v1/customers/{customerId}/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTaskResource {

    @Inject
    TaskService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listCustomerTasks", summary = "List a customer's tasks",
            description = TaskResource.LIST_DESCRIPTION + " 404 when the customer does not exist or was erased.")
    @APIResponse(responseCode = "200", description = "A page of the customer's tasks",
            content = @Content(schema = @Schema(implementation = TaskPage.class)))
    public TaskPage list(@PathParam("customerId") String customerId,
            @QueryParam("assignee") @Parameter(description = "A member of staff's name, or me for the caller") String assignee,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = TaskStatus.class)) String status,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = TaskType.class)) String type,
            @QueryParam("dueBefore") @Parameter(description = "Only tasks due before this time",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String dueBefore,
            @QueryParam("overdue") @Parameter(description = "true: only OPEN tasks past their due time",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        java.util.UUID id = QueryParams.pathId(customerId, "customer");
        Page<TaskResponse> page = service.listOfCustomer(id,
                TaskResource.query(assignee, status, type, id, dueBefore, overdue, caller), PageRequest.of(limit, cursor))
                .map(TaskResponse::of);
        return new TaskPage(page.items(), page.nextCursor());
    }
}
