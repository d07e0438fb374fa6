package io.clientbook.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.clientbook.event.RecordDiff;

/** The names of the fields a new record was given: the "changed fields" of a creation. */
public final class FieldNames {

    private FieldNames() {
    }

    /** The components of the record that hold a value (not null, not an empty collection, map or string). */
    public static List<String> setIn(Record r) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : r.getClass().getRecordComponents()) {
            if (hasValue(RecordDiff.value(component, r))) {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static boolean hasValue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof String s) || !s.isEmpty();
    }
}
