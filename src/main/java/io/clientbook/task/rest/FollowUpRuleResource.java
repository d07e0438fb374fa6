package io.clientbook.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Roles;
import io.clientbook.task.FollowUpRule;
import io.clientbook.task.FollowUpRuleFields;
import io.clientbook.task.CampaignService;
import io.clientbook.task.FollowUpRuleId;
import io.clientbook.task.FollowUpRuleService;
import io.clientbook.task.SkipReason;

@Path("/api/v1/follow-up-rules")
@Tag(name = "Follow-up rules", description = """
        The cadences that create follow-up tasks by themselves. Defaults (from the seeds):
        THANK_YOU 2 days after a purchase; SATISFACTION_SURVEY 7 days after; CHECK_IN after 30 days without an outbound \
        contact for tier A, 90 for B, none for C (daily job); BIRTHDAY_GREETING due on the birthday, created 7 days ahead \
        (February 29 on February 28 in other years; daily job); HOLIDAY_GREETING on each holiday of the rule's list \
        (default 01-01 and 12-25), created 7 days ahead (daily job); COMPLAINT_FOLLOW_UP HIGH, within 24 hours of a \
        complaint's opening and 3 days after its resolution (ask for feedback); PURCHASE_INTENT the day after a customer \
        becomes INTERESTED, and 7 days before a NOT_NOW customer's expected purchase date; VIP_WELCOME the day after a tier \
        change to A; WIN_BACK 3 days after a drop from A or a move to AT_RISK / CANNOT_LOSE (these two are fired by tier \
        runs). Each rule and trigger creates at most one task per customer. Marketing-type rules (all but \
        COMPLAINT_FOLLOW_UP) use only a channel the customer consented to, and leave at least minDaysBetweenContacts \
        (default 7) between a customer's marketing contacts; what they skip is listed under /follow-up-rules/skips.""")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpRuleResource {

    private static final String PUT_EXAMPLE = """
            {"enabled": true, "title": "Thank the customer for the purchase", "delayDays": 2, "priority": "NORMAL",
             "channels": ["EMAIL", "SMS", "PHONE"], "tiers": ["A", "B", "C"], "includeUntiered": true}""";

    @Inject
    FollowUpRuleService service;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listFollowUpRules", summary = "List the follow-up rules and their settings")
    @APIResponse(responseCode = "200", description = "All nine rules",
            content = @Content(schema = @Schema(implementation = FollowUpRulePage.class)))
    public FollowUpRulePage list() {
        return new FollowUpRulePage(service.all().stream().map(r -> FollowUpRuleResponse.of(r, service.fieldsOf(r))).toList(),
                null);
    }

    @GET
    @Path("/{ruleId}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "getFollowUpRule", summary = "Get a follow-up rule")
    @APIResponse(responseCode = "200", description = "The rule; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = FollowUpRuleResponse.class)))
    public Response get(@PathParam("ruleId") String ruleId) {
        return ok(service.get(ruleId(ruleId)));
    }

    @PUT
    @Path("/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putFollowUpRule", summary = "Change a follow-up rule's settings",
            description = "Replaces all the rule's settings. Validated: delays ≥ 0, tiers a subset of A, B, C without "
                    + "repeats, at least one channel, holidays real dates (MM-DD or YYYY-MM-DD), rule-specific members only "
                    + "on their rule; each wrong member is named in errors[]. Takes effect for the next trigger or run; "
                    + "tasks already created stay.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FollowUpRuleFields.class),
            examples = @ExampleObject(name = "THANK_YOU", value = PUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The rule with its new settings and ETag",
            content = @Content(schema = @Schema(implementation = FollowUpRuleResponse.class)))
    public Response put(@PathParam("ruleId") String ruleId, FollowUpRuleFields body,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.put(ruleId(ruleId), body, ifMatch));
    }

    @GET
    @Path("/skips")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listTaskSkips", summary = "List the tasks the rules did not create, and why",
            description = "Newest first, keyset-paged. Reasons: NO_CONSENT (no consented channel for a marketing-type task), "
                    + "FREQUENCY_CAP (another marketing contact within minDaysBetweenContacts), TOO_LATE (the trigger is so old "
                    + "the task would be overdue by more than the allowed lateness, e.g. a back-filled purchase).")
    @APIResponse(responseCode = "200", description = "A page of skips",
            content = @Content(schema = @Schema(implementation = TaskSkipPage.class)))
    public TaskSkipPage skips(
            @QueryParam("customerId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String customerId,
            @QueryParam("rule") @Parameter(description = "A follow-up rule id, or CAMPAIGN for the skips of campaigns",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "THANK_YOU", "SATISFACTION_SURVEY", "CHECK_IN",
                            "BIRTHDAY_GREETING", "HOLIDAY_GREETING", "COMPLAINT_FOLLOW_UP", "PURCHASE_INTENT", "VIP_WELCOME",
                            "WIN_BACK", CampaignService.SOURCE })) String rule,
            @QueryParam("reason") @Parameter(schema = @Schema(implementation = SkipReason.class)) String reason,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        String source = rule != null && CampaignService.SOURCE.equals(rule.trim()) ? CampaignService.SOURCE
                : java.util.Optional.ofNullable(QueryParams.enumValue(FollowUpRuleId.class, rule, "rule")).map(Enum::name).orElse(null);
        Page<TaskSkipResponse> page = service.skips(QueryParams.uuid(customerId, "customerId"), source, QueryParams.enumValue(SkipReason.class, reason, "reason"),
                PageRequest.of(limit, cursor)).map(TaskSkipResponse::of);
        return new TaskSkipPage(page.items(), page.nextCursor());
    }

    private static FollowUpRuleId ruleId(String value) {
        try {
            return FollowUpRuleId.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("follow-up rule", value);
        }
    }

    private Response ok(FollowUpRule rule) {
        return Response.ok(FollowUpRuleResponse.of(rule, service.fieldsOf(rule))).header("ETag", ETags.of(rule.version)).build();
    }
}
