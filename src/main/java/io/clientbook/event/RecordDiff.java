package io.clientbook.event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Which components of two records of one type differ: the "fields changed" of an update event. */
public final class RecordDiff {

    private RecordDiff() {
    }

    public static <R extends Record> Set<String> changedComponents(R before, R after) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("cannot compare " + before.getClass() + " with " + after.getClass());
        }
        Set<String> changed = new LinkedHashSet<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return Collections.unmodifiableSet(changed);
    }

    /**
     * The value of one component of a record, also of a record that is not public or lives in another
     * package (the application runs in the unnamed module, so its own accessors can be opened).
     */
    public static Object value(RecordComponent component, Record r) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + r.getClass(), e);
        }
    }
}
