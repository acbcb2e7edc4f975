package io.ferry.offload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.schema.Field;
import io.ferry.testsupport.DomainLiterals;

/**
 * States, types and trigger types are spelled only by the vocabulary, and the fields of the definitions' and clusters'
 * {@code status} only by the schemas and the status mappers: no other main class of offload-service has them as string
 * literals (SQL text included).
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/offload");
    private static final Path SCHEMAS = MAIN.resolve("schema");
    private static final Set<Path> MAPPERS = Set.of(MAIN.resolve("job/DefinitionStatusMapper.java"),
            MAIN.resolve("cluster/ClusterStatusMapper.java"));

    @Test
    void onlyTheSchemasAndTheStatusMappersSpellDomainWords() {
        Set<String> statusFields = new HashSet<>();
        List.of(KubeclusterSchema.SCHEMA, KubebackupSchema.SCHEMA, KubeoffloadSchema.SCHEMA)
                .forEach(schema -> schema.field(KubeclusterSchema.STATUS).orElseThrow().children().values()
                        .forEach(field -> addNames(field, statusFields)));

        assertThat(statusFields).contains("jobid", "last_job_run_time", "agentURL", "last_heartbeat", "jobs", "state");
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), statusFields,
                file -> file.startsWith(SCHEMAS) || MAPPERS.contains(file))).isEmpty();
    }

    private static void addNames(Field field, Set<String> names) {
        names.add(field.name());
        field.children().values().forEach(child -> addNames(child, names));
        if (field.items() != null) {
            field.items().children().values().forEach(child -> addNames(child, names));
        }
    }
}
