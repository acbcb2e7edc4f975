package io.ferry.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.DomainLiterals;

/**
 * Trigger types and states are spelled only by the vocabulary: no main class of scheduler-service has them as string
 * literals (SQL text included); its schema may.
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/scheduler");

    @Test
    void onlyTheVocabularySpellsDomainWords() {
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), Set.of(), file -> file.startsWith(MAIN.resolve("schema"))))
                .isEmpty();
    }
}
