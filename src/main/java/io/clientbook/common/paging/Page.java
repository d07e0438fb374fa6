package io.clientbook.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, and the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from rows fetched with {@link PageRequest#fetchSize()} (one more than the limit):
     * the extra row only says that there is a next page, whose cursor is that of the last row kept.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(List.copyOf(kept), cursorOf.apply(kept.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
