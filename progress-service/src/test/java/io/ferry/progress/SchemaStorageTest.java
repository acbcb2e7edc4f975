package io.ferry.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.progress.schema.KubepvcprogressSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.testsupport.SchemaStorageAgreement;
import io.ferry.testsupport.SchemaStorageAgreement.Column;
import io.quarkus.test.junit.QuarkusTest;

/**
 * progress-service's kubepvcprogress table, as its migrations leave it, follows its schema; {@code sequence}, the
 * agent's counter that orders a PVC's updates, is kept beside the document.
 */
@QuarkusTest
class SchemaStorageTest {

    @Inject
    DataSource database;

    @Test
    void everyResourceTableHasTheTypedColumnsOfItsSchemaAndIndexesByOrganisation() {
        for (ResourceSchema schema : List.of(KubepvcprogressSchema.SCHEMA)) {
            List<Column> typed = schema.fields().values().stream().filter(field -> field.columnName().isPresent())
                    .map(field -> new Column(field.columnName().get(), field.name(), field.columnType().sql())).toList();
            assertThat(SchemaStorageAgreement.disagreements(database, schema.table(), typed, Set.of("sequence"))).as(schema.table()).isEmpty();
        }
    }
}
