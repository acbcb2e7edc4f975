package io.ferry.events.catalog;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payload records with every component set, by reflection over the record, so that a component added later is in
 * the samples without anyone writing it down. Variant {@code n} takes the n-th constant of each enum (wrapping), so
 * that enough variants together write every constant.
 */
final class SamplePayloads {

    private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");

    private SamplePayloads() {
    }

    static Object full(Class<?> recordType, int variant) {
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components).map(component -> value(component.getGenericType(), component.getName(), variant)).toArray();
        try {
            return recordType.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + recordType.getName(), e);
        }
    }

    /** How many variants it takes to write every constant of the enums the record uses. */
    static int variantsFor(Class<?> recordType) {
        return Arrays.stream(recordType.getRecordComponents())
                .mapToInt(component -> variantsFor(component.getGenericType()))
                .max().orElse(1);
    }

    private static int variantsFor(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).mapToInt(SamplePayloads::variantsFor).max().orElse(1);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isEnum()) {
            return raw.getEnumConstants().length;
        }
        return raw.isRecord() ? variantsFor(raw) : 1;
    }

    private static Object value(Type type, String name, int variant) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(value(arguments[0], name, variant));
            }
            if (raw == Set.class) {
                return Set.of(value(arguments[0], name, variant));
            }
            if (raw == Map.class) {
                return Map.of(name + "-key", value(arguments[1], name, variant));
            }
            throw new IllegalArgumentException("No sample for " + type + " " + name);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return name + "-" + variant;
        }
        if (raw == int.class || raw == Integer.class) {
            return variant + 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1_795_319_135L + variant;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return variant % 2 == 0;
        }
        if (raw == Instant.class) {
            return TIME.plusSeconds(variant);
        }
        if (raw == Object.class) {
            return Map.of("template", variant % 2 == 0, "namespaces", List.of(name));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[variant % constants.length];
        }
        if (raw.isRecord()) {
            return full(raw, variant);
        }
        throw new IllegalArgumentException("No sample for " + type + " " + name);
    }
}
