package io.ferry.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.job.schema.JobSchema;
import io.ferry.rest.schema.Field;
import io.ferry.testsupport.DomainLiterals;

/**
 * States, types and phases are spelled only by the vocabulary, and the job's progress and stats fields only by its
 * schema and its mapper: no other main class of job-service has them as string literals (SQL text included).
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/job");
    private static final Path SCHEMAS = MAIN.resolve("schema");
    private static final Path MAPPER = MAIN.resolve("lifecycle/JobMapper.java");

    @Test
    void onlyTheSchemasAndTheJobMapperSpellDomainWords() {
        Set<String> progressFields = new HashSet<>();
        Set.of(JobSchema.COPY_PROGRESS, JobSchema.SNAPSHOT_PROGRESS).forEach(name -> addNames(JobSchema.SCHEMA.field(name).orElseThrow(),
                progressFields));

        assertThat(progressFields).contains("transferred_number_of_files", "total_pvs", "skipped_pvs", "stats");
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), progressFields,
                file -> file.startsWith(SCHEMAS) || file.equals(MAPPER))).isEmpty();
    }

    private static void addNames(Field field, Set<String> names) {
        names.add(field.name());
        field.children().values().forEach(child -> addNames(child, names));
    }
}
