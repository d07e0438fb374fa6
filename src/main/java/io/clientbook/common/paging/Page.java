package io.clientbook.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, and the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
