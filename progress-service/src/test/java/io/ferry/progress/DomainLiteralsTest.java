package io.ferry.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.progress.schema.KubepvcprogressSchema;
import io.ferry.rest.schema.TransferStatsFields;
import io.ferry.testsupport.DomainLiterals;

/**
 * PVC states and operation types are spelled only by the vocabulary, and the progress document's state and stats fields
 * only by its schema and its mapper: no other main class of progress-service has them as string literals (SQL text
 * included).
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/progress");
    private static final Path SCHEMAS = MAIN.resolve("schema");
    private static final Path MAPPER = MAIN.resolve("pvc/ProgressRecord.java");

    @Test
    void onlyTheSchemaAndTheProgressRecordSpellDomainWords() {
        Set<String> fields = new HashSet<>(Set.of(KubepvcprogressSchema.STATE, TransferStatsFields.STATS));
        KubepvcprogressSchema.SCHEMA.field(TransferStatsFields.STATS).orElseThrow().children().keySet().forEach(fields::add);

        assertThat(fields).contains("transferred_number_of_files", "estimated_size");
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), fields,
                file -> file.startsWith(SCHEMAS) || file.equals(MAPPER))).isEmpty();
    }
}
