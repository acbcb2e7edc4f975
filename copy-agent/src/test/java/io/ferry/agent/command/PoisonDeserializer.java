package io.ferry.agent.command;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads strings, except the value {@value #POISON}, which it cannot: a record that fails the channel. */
public class PoisonDeserializer implements Deserializer<String> {

    static final String POISON = "poison";

    @Override
    public String deserialize(String topic, byte[] data) {
        String value = data == null ? null : new String(data, StandardCharsets.UTF_8);
        if (POISON.equals(value)) {
            throw new SerializationException("This test's poison record");
        }
        return value;
    }
}
