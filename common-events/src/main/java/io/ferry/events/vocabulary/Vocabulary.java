package io.ferry.events.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reading and listing the values of the vocabulary's enums. A value this version does not know reads as the
 * enum's UNKNOWN, so that a consumer keeps working when a newer producer adds one.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String wire, Function<E, String> wireName, E unknown) {
        if (wire == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (wireName.apply(value).equals(wire)) {
                return value;
            }
        }
        return unknown;
    }

    /** The wire names of every value but UNKNOWN: what a schema allows. */
    static <E extends Enum<E>> List<String> known(Class<E> type, Function<E, String> wireName, E unknown) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value != unknown).map(wireName).toList();
    }
}
