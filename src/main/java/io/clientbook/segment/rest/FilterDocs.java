package io.clientbook.segment.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The filter language as the contract documents it: a schema (never instantiated: requests carry
 * the tree as JSON and {@code SegmentFilterCompiler} reads it) and one example per kind of node.
 */
@Schema(name = "SegmentFilter", type = SchemaType.OBJECT, description = FilterDocs.GRAMMAR,
        examples = "{\"and\": [{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}, {\"field\": \"region\", \"op\": \"eq\", \"value\": \"North\"}, {\"purchases\": {\"withinDays\": 90}}]}")
public record FilterDocs(
        @Schema(description = "All of these (non-empty)") List<FilterDocs> and,
        @Schema(description = "Any of these (non-empty)") List<FilterDocs> or,
        @Schema(description = "The complement of this node") FilterDocs not,
        @Schema(description = "A field condition: the field", examples = "tier") String field,
        @Schema(description = "The operator (see the list of fields and their operators)", examples = "in") String op,
        @Schema(description = "The value: a string, number, boolean, date, timestamp, or an array for in/nin/between",
                implementation = Object.class, examples = "[\"A\", \"B\"]") JsonNode value,
        @Schema(description = "Purchases (void ones never count): optional withinDays, product, channel") Window purchases,
        @Schema(description = "Complaints: optional withinDays (opened in the last N days), open (true: OPEN or IN_PROGRESS)") Window complaints,
        @Schema(description = "Contact-log entries: optional withinDays, direction (INBOUND|OUTBOUND), channel") Window interactions,
        @Schema(description = "With purchases/complaints/interactions and op: the number of records compared",
                implementation = Object.class, examples = "2") JsonNode count,
        @Schema(description = "With purchases and op: the sum of amounts compared", implementation = Object.class,
                examples = "500") JsonNode sum) {

    /** The window and narrowing of an aggregate over related records. */
    @Schema(name = "SegmentFilterWindow")
    public record Window(@Schema(description = "Only the last N days (0–36500)", examples = "90") Integer withinDays,
            @Schema(description = "purchases: this product only", examples = "Desk lamp") String product,
            @Schema(description = "purchases: this sales channel; interactions: PHONE|EMAIL|SMS|SOCIAL|VISIT", examples = "ONLINE") String channel,
            @Schema(description = "complaints: true for OPEN or IN_PROGRESS, false for RESOLVED or CLOSED") Boolean open,
            @Schema(description = "interactions: INBOUND or OUTBOUND") String direction) {
    }

    static final String GRAMMAR = """
            A JSON tree. Each node is exactly one of:
            - `{"and": [node, …]}`, `{"or": [node, …]}` (non-empty), `{"not": node}`;
            - a field condition `{"field": …, "op": …, "value": …}`;
            - an aggregate over related records: `{"purchases": {"withinDays": 30, "product": "…", "channel": "…"}}`,
              `{"complaints": {"withinDays": 90, "open": true}}`, `{"interactions": {"withinDays": 30, "direction": "OUTBOUND"}}`
              — alone meaning "at least one", or with `"op"` (eq, neq, gt, gte, lt, lte, between) and `"count"`
              (purchases also `"sum"` of amounts), e.g. `{"purchases": {"withinDays": 90, "product": "X"}, "op": "gte", "count": 2}`.
              Customers with no such record have count 0 and sum 0.

            Fields and their operators:
            - text — externalRef, firstName, lastName, email, phone, country, region, city, occupation, owner,
              notBuyingReason, notes, rfm.segment: eq, neq, in, nin, contains (case-insensitive substring), exists;
            - enumerations — gender, preferredChannel, needOrientation, buyingStage, tier: eq, neq, in, nin, exists;
            - id: eq, neq, in, nin;
            - whole numbers — stats.purchaseCount, rfm.recency, rfm.frequency, rfm.monetary: eq, neq, in, nin, gt, gte,
              lt, lte, between ([from, to]), exists; stats.totalSpent: the same but in/nin;
            - age (whole years, from birthDate): eq, neq, in, nin, gt, gte, lt, lte, between, exists;
            - birthdayWithinDays (days until the next birthday, 0 = today; February 29 counts on February 28 in common
              years): eq, neq, in, nin, gt, gte, lt, lte, between — e.g. `{"field": "birthdayWithinDays", "op": "lte", "value": 7}`;
            - dates — birthDate, expectedPurchaseDate (YYYY-MM-DD): eq, neq, gt, gte, lt, lte, between, exists,
              withinDays (within N days before or after today), olderThanDays (before today − N days);
            - timestamps — createdAt, updatedAt, tierChangedAt, stats.firstPurchaseAt, stats.lastPurchaseAt (ISO-8601 with
              offset): gt, gte, lt, lte, between, exists, withinDays (in the last N days), olderThanDays (before now − N days);
            - consent.PHONE, consent.EMAIL, consent.SMS, consent.SOCIAL, consent.VISIT (true when consent is granted): eq, neq;
            - tags: eq (has this tag), neq (has not), in (has any of), nin (has none of), contains (has all of: a tag or
              an array), exists (has any tag at all). Tags compare lower-case.

            `neq`, `nin` and `not` are exact complements: a customer without a value for the field matches them.
            `exists` takes true or false. Days are UTC days. Erased customers never match. `tier` and `rfm.*` match
            nothing until a tier run has scored customers.

            Bounds (each breach a 400): at most 8 levels of nesting, 100 nodes, 1000 values in a list, 200 characters
            in a string. A bad filter is a 400 whose `errors[].field` points at the node, e.g. `filter.and[2].value`.""";

    static final String EX_FIELD = """
            {"filter": {"field": "tier", "op": "in", "value": ["A", "B"]}, "sort": "-totalSpent", "limit": 50}""";
    static final String EX_AND = """
            {"filter": {"and": [{"field": "tier", "op": "eq", "value": "A"}, {"field": "region", "op": "eq", "value": "North"},
             {"purchases": {"withinDays": 90}}]}}""";
    static final String EX_OR_NOT = """
            {"filter": {"or": [{"field": "rfm.segment", "op": "in", "value": ["AT_RISK", "CANNOT_LOSE"]},
             {"not": {"field": "stats.lastPurchaseAt", "op": "withinDays", "value": 365}}]}}""";
    static final String EX_BIRTHDAY = """
            {"filter": {"and": [{"field": "birthdayWithinDays", "op": "lte", "value": 7}, {"field": "consent.SMS", "op": "eq", "value": true}]}}""";
    static final String EX_PURCHASES = """
            {"filter": {"purchases": {"withinDays": 90, "product": "Desk lamp"}, "op": "gte", "count": 2}}""";
    static final String EX_SUM = """
            {"filter": {"purchases": {"withinDays": 365, "channel": "ONLINE"}, "op": "between", "sum": [100, 1000]}}""";
    static final String EX_COMPLAINTS = """
            {"filter": {"or": [{"complaints": {"open": true}}, {"complaints": {"withinDays": 30}, "op": "gte", "count": 2}]}}""";
    static final String EX_QUIET = """
            {"filter": {"and": [{"not": {"interactions": {"withinDays": 30}}}, {"field": "tags", "op": "eq", "value": "vip"}]}}""";
    static final String EX_ATTRIBUTES = """
            {"filter": {"and": [{"field": "age", "op": "between", "value": [25, 34]}, {"field": "gender", "op": "eq", "value": "FEMALE"},
             {"field": "occupation", "op": "contains", "value": "engineer"}, {"field": "needOrientation", "op": "eq", "value": "SERVICE"}]}}""";
    static final String EX_STAGE = """
            {"filter": {"and": [{"field": "buyingStage", "op": "eq", "value": "NOT_NOW"},
             {"field": "expectedPurchaseDate", "op": "withinDays", "value": 14}]}}""";
}
