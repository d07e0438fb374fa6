package io.clientbook.segment.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.segment.SegmentQueries;

@Schema(name = "SegmentStats", description = "The size of a segment now and how its members spread; buckets by count, largest first")
public record SegmentStatsResponse(
        @Schema(examples = "1342") long count,
        List<Bucket> byTier,
        List<Bucket> byRfmSegment,
        List<Bucket> byRegion,
        List<Bucket> byBuyingStage) {

    @Schema(name = "SegmentStatsBucket")
    public record Bucket(@Schema(description = "The value; null for members without one", examples = "A") String value,
            @Schema(examples = "120") long count) {
    }

    public static SegmentStatsResponse of(SegmentQueries.Breakdown b) {
        return new SegmentStatsResponse(b.count(), map(b.byTier()), map(b.byRfmSegment()), map(b.byRegion()), map(b.byBuyingStage()));
    }

    private static List<Bucket> map(List<SegmentQueries.Bucket> buckets) {
        return buckets.stream().map(x -> new Bucket(x.value(), x.count())).toList();
    }
}
