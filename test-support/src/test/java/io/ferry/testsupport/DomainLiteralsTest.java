package io.ferry.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLiteralsTest {

    private static final String SOURCE = """
            package p;

            /** Only "RUNNING" jobs, says the comment. */
            class Sample {
                // "FAILED" in a comment
                static final char QUOTE = '"';
                static final String ESCAPED = "say \\"hi\\" to K8S_COPY";
                static final String SQL = \"""
                        SELECT count(*) FILTER (WHERE state LIKE 'SKIPPED%'), doc ->> 'io_size'
                        FROM view\""";
                static final String PROSE = "Running: the job was Skipped";
                static final String FIELD = "total_pvs";
                static final String COLUMN = "transferred_size = EXCLUDED.transferred_size";
            }
            """;

    @Test
    void literalsAreFoundWithTheirLinesAndCommentsAndCharactersAreSkipped(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Sample.java"), SOURCE);

        assertThat(DomainLiterals.literals(file)).extracting(DomainLiterals.Literal::line).containsExactly(7, 8, 11, 12, 13);
    }

    @Test
    void vocabularyWordsAnywhereAndFieldsAsWholeOrQuotedLiteralsAreFound(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Sample.java"), SOURCE);

        assertThat(DomainLiterals.find(dir, DomainLiterals.vocabulary(), Set.of("total_pvs", "io_size", "transferred_size"), file -> false))
                .extracting(DomainLiterals.Literal::line).containsExactly(7, 8, 12);
        assertThat(DomainLiterals.find(dir, DomainLiterals.vocabulary(), Set.of(), file -> true)).isEmpty();
    }

    @Test
    void s3IsADomainWordOnlyAsAWholeLiteralNotInAMessage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Kinds.java"), """
                class Kinds {
                    static final String KIND = "S3";
                    static final String MESSAGE = "an S3 bucket name has 3 to 63 characters";
                }
                """);

        assertThat(DomainLiterals.find(dir, DomainLiterals.vocabulary(), Set.of(), file -> false))
                .extracting(DomainLiterals.Literal::text).containsExactly("S3");
    }
}
