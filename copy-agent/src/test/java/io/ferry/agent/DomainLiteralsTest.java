package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.DomainLiterals;

/**
 * States, phases, operation and target kinds are spelled only by the vocabulary: no main class of copy-agent has them as string literals
 * (SQL text included).
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/agent");

    @Test
    void onlyTheVocabularySpellsDomainWords() {
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), Set.of(), file -> false)).isEmpty();
    }
}
