package io.ferry.messaging.inbox;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row of {@code processed_event}: one event applied by one consumer. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "processed_at", insertable = false, updatable = false)
    public OffsetDateTime processedAt;

    @Embeddable
    public static class Key implements Serializable {

        public String consumer;

        @Column(name = "event_id")
        public String eventId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer) && Objects.equals(eventId, key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
