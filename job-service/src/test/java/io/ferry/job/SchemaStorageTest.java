package io.ferry.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.job.schema.JobSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.testsupport.SchemaStorageAgreement;
import io.ferry.testsupport.SchemaStorageAgreement.Column;
import io.quarkus.test.junit.QuarkusTest;

/** job-service's resource tables, as its migrations leave them, follow their schemas. */
@QuarkusTest
class SchemaStorageTest {

    @Inject
    DataSource database;

    @Test
    void everyResourceTableHasTheTypedColumnsOfItsSchemaAndIndexesByOrganisation() {
        for (ResourceSchema schema : List.of(JobSchema.SCHEMA, BackupinstanceSchema.SCHEMA)) {
            List<Column> typed = schema.fields().values().stream().filter(field -> field.columnName().isPresent())
                    .map(field -> new Column(field.columnName().get(), field.name(), field.columnType().sql())).toList();
            assertThat(SchemaStorageAgreement.disagreements(database, schema.table(), typed, Set.of())).as(schema.table()).isEmpty();
        }
    }
}
