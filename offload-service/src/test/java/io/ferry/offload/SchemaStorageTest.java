package io.ferry.offload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ferry.offload.placeholder.KubemigrationResource;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.offload.schema.KuberestoreSchema;
import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.testsupport.SchemaStorageAgreement;
import io.ferry.testsupport.SchemaStorageAgreement.Column;
import io.quarkus.test.junit.QuarkusTest;

/** offload-service's resource tables, as its migrations leave them, follow their schemas. */
@QuarkusTest
class SchemaStorageTest {

    @Inject
    DataSource database;

    @Test
    void everyResourceTableHasTheTypedColumnsOfItsSchemaAndIndexesByOrganisation() {
        for (ResourceSchema schema : List.of(KubeclusterSchema.SCHEMA, KubebackupSchema.SCHEMA, KubeoffloadSchema.SCHEMA, ObjectstoreSchema.SCHEMA, KuberestoreSchema.SCHEMA, KubemigrationResource.SCHEMA)) {
            List<Column> typed = schema.fields().values().stream().filter(field -> field.columnName().isPresent())
                    .map(field -> new Column(field.columnName().get(), field.name(), field.columnType().sql())).toList();
            assertThat(SchemaStorageAgreement.disagreements(database, schema.table(), typed, Set.of())).as(schema.table()).isEmpty();
        }
    }
}
