package io.clientbook.customer;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.clientbook.common.error.ApiProblem;

/**
 * The sorts a customer list accepts, each a SQL expression with a matching index and the type its
 * cursor value is cast back to. Nullable columns are coalesced so keyset comparisons never meet NULL.
 */
public enum CustomerSort {
    CREATED_AT("createdAt", "c.created_at", "timestamptz"),
    UPDATED_AT("updatedAt", "c.updated_at", "timestamptz"),
    LAST_NAME("lastName", "coalesce(lower(c.last_name), '')", "text"),
    TOTAL_SPENT("totalSpent", "c.total_spent", "numeric"),
    LAST_PURCHASE_AT("lastPurchaseAt", "coalesce(c.last_purchase_at, '-infinity'::timestamptz)", "timestamptz");

    public final String param;
    public final String expression;
    public final String sqlType;

    CustomerSort(String param, String expression, String sqlType) {
        this.param = param;
        this.expression = expression;
        this.sqlType = sqlType;
    }

    /** A parsed {@code sort} parameter: a field, {@code -} in front for descending. */
    public record Order(CustomerSort sort, boolean descending) {

        public static final Order DEFAULT = new Order(CREATED_AT, false);

        public static Order parse(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT;
            }
            String v = value.trim();
            boolean desc = v.startsWith("-");
            String name = desc ? v.substring(1) : v;
            for (CustomerSort s : values()) {
                if (s.param.equals(name)) {
                    return new Order(s, desc);
                }
            }
            throw ApiProblem.validation("sort", "must be one of " + allowed() + ", with '-' in front for descending");
        }

        /** The cursor's name for this order, so a cursor cannot be replayed under another sort. */
        public String key() {
            return (descending ? "-" : "") + sort.param;
        }

        public static String allowed() {
            return Arrays.stream(values()).map(s -> s.param).collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
