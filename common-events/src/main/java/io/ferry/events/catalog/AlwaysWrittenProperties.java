package io.ferry.events.catalog;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.ferry.events.EventJson;

/**
 * The JSON properties a payload record always has: those {@link EventJson} writes for an instance whose components
 * are all null (or 0 and false). That covers primitives and whatever the record's constructor fills in itself (an
 * empty list for null), and leaves out what the mapper drops when null.
 */
final class AlwaysWrittenProperties {

    private AlwaysWrittenProperties() {
    }

    static Set<String> of(Class<?> recordType) {
        Set<String> written = new LinkedHashSet<>();
        EventJson.tree(emptyInstance(recordType)).fieldNames().forEachRemaining(written::add);
        return written;
    }

    private static Object emptyInstance(Class<?> recordType) {
        Class<?>[] types = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(AlwaysWrittenProperties::defaultValue).toArray();
        try {
            return recordType.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(recordType.getName() + " refuses null components, so its schema cannot tell which "
                    + "properties it always has", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The canonical constructor of " + recordType.getName() + " cannot be called", e);
        }
    }

    private static Object defaultValue(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
