package io.ferry.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.scheduler.schema.PolicySchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.testsupport.SchemaStorageAgreement;
import io.ferry.testsupport.SchemaStorageAgreement.Column;
import io.quarkus.test.junit.QuarkusTest;

/** scheduler-service's policy table, as its migrations leave it, follows its schema. */
@QuarkusTest
class SchemaStorageTest {

    @Inject
    DataSource database;

    @Test
    void everyResourceTableHasTheTypedColumnsOfItsSchemaAndIndexesByOrganisation() {
        for (ResourceSchema schema : List.of(PolicySchema.SCHEMA)) {
            List<Column> typed = schema.fields().values().stream().filter(field -> field.columnName().isPresent())
                    .map(field -> new Column(field.columnName().get(), field.name(), field.columnType().sql())).toList();
            assertThat(SchemaStorageAgreement.disagreements(database, schema.table(), typed, Set.of())).as(schema.table()).isEmpty();
        }
    }
}
