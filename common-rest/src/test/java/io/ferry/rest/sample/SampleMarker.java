package io.ferry.rest.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Hibernate Reactive starts only in an application with at least one entity; every Ferry service has some,
 * this sample application has this one.
 */
@Entity
@Table(name = "sample_marker")
public class SampleMarker extends PanacheEntityBase {

    @Id
    public String id;
}
