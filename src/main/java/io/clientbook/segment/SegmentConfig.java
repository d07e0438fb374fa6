package io.clientbook.segment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the segment filter language and of exports (CLIENTBOOK_SEGMENTS_…). */
@ConfigMapping(prefix = "clientbook.segments")
public interface SegmentConfig {

    /** Deepest nesting of and/or/not a filter may have (the root is level 1). */
    @WithDefault("8")
    int maxDepth();

    /** Most nodes (groups, negations and conditions together) in one filter. */
    @WithDefault("100")
    int maxNodes();

    /** Most values in one list (in, nin, tags). */
    @WithDefault("1000")
    int maxListSize();

    /** Rows the export reads from the database cursor at a time; memory stays flat whatever the segment's size. */
    @WithDefault("1000")
    int exportFetchSize();
}
