package io.clientbook.segment;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientbook.customer.BuyingStage;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Gender;
import io.clientbook.customer.NeedOrientation;
import io.clientbook.customer.Tier;

/**
 * The whitelist of fields a filter may name: each maps to a fixed SQL expression over the customer
 * row {@code c} and a type that decides its operators and value shape. Nothing a client sends ever
 * becomes SQL text except through this table.
 */
public record FilterField(String name, Type type, String sql, Set<String> allowed) {

    /** The kinds of field, each with its operators. */
    public enum Type {
        TEXT("eq", "neq", "in", "nin", "contains", "exists"),
        ENUM("eq", "neq", "in", "nin", "exists"),
        UUID("eq", "neq", "in", "nin"),
        INTEGER("eq", "neq", "in", "nin", "gt", "gte", "lt", "lte", "between", "exists"),
        DECIMAL("eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"),
        DATE("eq", "neq", "gt", "gte", "lt", "lte", "between", "exists", "withinDays", "olderThanDays"),
        TIMESTAMP("gt", "gte", "lt", "lte", "between", "exists", "withinDays", "olderThanDays"),
        BOOLEAN("eq", "neq"),
        TAGS("eq", "neq", "in", "nin", "contains", "exists"),
        /** Age in whole years, compiled to birth-date ranges so the birth date needs no function per row. */
        AGE("eq", "neq", "in", "nin", "gt", "gte", "lt", "lte", "between", "exists"),
        /** Days until the next birthday (0 = today … 365), compiled to a set of month-day values. */
        BIRTHDAY_DAYS("eq", "neq", "in", "nin", "gt", "gte", "lt", "lte", "between");

        public final List<String> ops;


        Type(String... ops) {
            this.ops = List.of(ops);
        }
    }

    /**
     * Month and day of the birth date as one number (April 12 → 412): matches the expression index
     * {@code customer_birthday_idx} exactly, so birthday conditions are index lookups (index-only since V9).
     */
    public static final String BIRTHDAY_MMDD = "(EXTRACT(MONTH FROM c.birth_date) * 100 + EXTRACT(DAY FROM c.birth_date))::int";

    private static final Map<String, FilterField> FIELDS;

    static {
        Map<String, FilterField> f = new LinkedHashMap<>();
        add(f, "id", Type.UUID, "c.id");
        add(f, "externalRef", Type.TEXT, "c.external_ref");
        add(f, "firstName", Type.TEXT, "c.first_name");
        add(f, "lastName", Type.TEXT, "c.last_name");
        add(f, "email", Type.TEXT, "c.email");
        add(f, "phone", Type.TEXT, "c.phone");
        addEnum(f, "gender", "c.gender", Gender.values());
        add(f, "birthDate", Type.DATE, "c.birth_date");
        add(f, "age", Type.AGE, "c.birth_date");
        add(f, "birthdayWithinDays", Type.BIRTHDAY_DAYS, BIRTHDAY_MMDD);
        add(f, "country", Type.TEXT, "c.country");
        add(f, "region", Type.TEXT, "c.region");
        add(f, "city", Type.TEXT, "c.city");
        add(f, "occupation", Type.TEXT, "c.occupation");
        addEnum(f, "preferredChannel", "c.preferred_channel", ContactChannel.values());
        for (ContactChannel channel : ContactChannel.values()) {
            // A channel not named, or named without granted=true, is not consented: two-valued on purpose.
            add(f, "consent." + channel.name(), Type.BOOLEAN,
                    "coalesce(c.consent -> '" + channel.name() + "' ->> 'granted' = 'true', false)");
        }
        add(f, "owner", Type.TEXT, "c.owner");
        addEnum(f, "needOrientation", "c.need_orientation", NeedOrientation.values());
        addEnum(f, "buyingStage", "c.buying_stage", BuyingStage.values());
        add(f, "expectedPurchaseDate", Type.DATE, "c.expected_purchase_date");
        add(f, "notBuyingReason", Type.TEXT, "c.not_buying_reason");
        add(f, "tags", Type.TAGS, "c.tags");
        add(f, "notes", Type.TEXT, "c.notes");
        addEnum(f, "tier", "c.tier", Tier.values());
        add(f, "tierChangedAt", Type.TIMESTAMP, "c.tier_changed_at");
        add(f, "rfm.recency", Type.INTEGER, "c.rfm_recency");
        add(f, "rfm.frequency", Type.INTEGER, "c.rfm_frequency");
        add(f, "rfm.monetary", Type.INTEGER, "c.rfm_monetary");
        add(f, "rfm.segment", Type.TEXT, "c.rfm_segment");
        add(f, "stats.purchaseCount", Type.INTEGER, "c.purchase_count");
        add(f, "stats.totalSpent", Type.DECIMAL, "c.total_spent");
        add(f, "stats.firstPurchaseAt", Type.TIMESTAMP, "c.first_purchase_at");
        add(f, "stats.lastPurchaseAt", Type.TIMESTAMP, "c.last_purchase_at");
        add(f, "createdAt", Type.TIMESTAMP, "c.created_at");
        add(f, "updatedAt", Type.TIMESTAMP, "c.updated_at");
        FIELDS = Collections.unmodifiableMap(f);
    }

    private static void add(Map<String, FilterField> f, String name, Type type, String sql) {
        f.put(name, new FilterField(name, type, sql, Set.of()));
    }

    private static void addEnum(Map<String, FilterField> f, String name, String sql, Enum<?>[] values) {
        f.put(name, new FilterField(name, Type.ENUM, sql,
                Set.copyOf(Arrays.stream(values).map(Enum::name).toList())));
    }

    /** Whether the column is char(n) (tier, country): parameters must be cast to bpchar for its index to serve. */
    public boolean charColumn() {
        return name.equals("tier") || name.equals("country");
    }

    public static FilterField named(String name) {
        return FIELDS.get(name);
    }

    public static Set<String> names() {
        return FIELDS.keySet();
    }
}
