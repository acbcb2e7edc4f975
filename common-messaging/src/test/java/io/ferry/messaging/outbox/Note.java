package io.ferry.messaging.outbox;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row written in the same transaction as an outbox event. */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;
}
