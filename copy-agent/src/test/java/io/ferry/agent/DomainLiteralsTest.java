package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ferry.testsupport.DomainLiterals;

/**
 * States, phases, operation and target kinds are spelled only by the vocabulary: no main class of copy-agent has them
 * as string literals (SQL text included), but for the typed configuration's default target kind (an annotation's
 * default must be a constant).
 */
class DomainLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java/io/ferry/agent");
    private static final Path CONFIG = MAIN.resolve("config/AgentConfig.java");

    @Test
    void onlyTheVocabularySpellsDomainWords() {
        assertThat(DomainLiterals.find(MAIN, DomainLiterals.vocabulary(), Set.of(), CONFIG::equals)).isEmpty();
    }
}
