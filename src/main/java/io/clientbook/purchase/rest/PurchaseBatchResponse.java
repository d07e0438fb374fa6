package io.clientbook.purchase.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.Problem;
import io.clientbook.purchase.PurchaseService;

/** One result per item of a batch, in the order of the request, and the totals. */
@Schema(name = "PurchaseBatchResponse")
public record PurchaseBatchResponse(List<Result> results,
        @Schema(description = "Items stored now") int created,
        @Schema(description = "Items already stored with the same content") int duplicates,
        @Schema(description = "Items refused; see their problem") int errors) {

    @Schema(name = "PurchaseBatchResult")
    public record Result(
            @Schema(description = "Position of the item in the request, from 0") int index,
            PurchaseService.Outcome status,
            @Schema(description = "The stored purchase; null for ERROR") PurchaseResponse purchase,
            @Schema(description = "Why the item was refused, fields named as purchases[i].field; null unless ERROR",
                    ref = "#/components/schemas/Problem") Problem problem) {
    }

    public static PurchaseBatchResponse of(List<PurchaseService.ItemResult> items, String instance) {
        int created = 0;
        int duplicates = 0;
        int errors = 0;
        List<Result> results = new ArrayList<>(items.size());
        for (PurchaseService.ItemResult item : items) {
            switch (item.outcome()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case ERROR -> errors++;
            }
            results.add(new Result(item.index(), item.outcome(),
                    item.recorded() == null ? null : PurchaseResponse.of(item.recorded()),
                    item.problem() == null ? null : problem(item.problem(), instance)));
        }
        return new PurchaseBatchResponse(results, created, duplicates, errors);
    }

    private static Problem problem(ApiProblem p, String instance) {
        return new Problem(p.slug(), p.title(), p.status(), p.getMessage(), instance, p.errors(), p.extensions());
    }
}
