package io.ferry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;

/** The console's filters and its cancel button use the job vocabulary as common-events spells it. */
class ConsoleVocabularyTest {

    private static final Path VOCABULARY = Path.of("..", "console", "src", "main", "webui", "vocabulary.js");

    @Test
    void jobStatesAreCommonEventsStatesButUnknown() throws IOException {
        assertThat(array("JOB_STATES")).containsExactlyInAnyOrderElementsOf(Arrays.stream(JobState.values())
                .filter(state -> state != JobState.UNKNOWN).map(Enum::name).toList());
    }

    @Test
    void terminalStatesAreCommonEventsTerminalStates() throws IOException {
        assertThat(array("TERMINAL_JOB_STATES")).containsExactlyInAnyOrderElementsOf(Arrays.stream(JobState.values())
                .filter(JobState::isTerminal).map(Enum::name).toList());
    }

    @Test
    void jobTypesAreCommonEventsTypesButUnknown() throws IOException {
        assertThat(array("JOB_TYPES")).containsExactlyInAnyOrderElementsOf(Arrays.stream(JobType.values())
                .filter(type -> type != JobType.UNKNOWN).map(Enum::name).toList());
    }

    @Test
    void cancellableTypesAreTheTypesJobServiceCancels() throws IOException {
        assertThat(array("CANCELLABLE_TYPES")).containsExactlyInAnyOrderElementsOf(Arrays.stream(JobType.values())
                .filter(JobType::isCancellable).map(Enum::name).toList());
    }

    private static List<String> array(String name) throws IOException {
        Matcher declaration = Pattern.compile("export const " + name + " = \\[([^\\]]*)\\];")
                .matcher(Files.readString(VOCABULARY));
        assertThat(declaration.find()).as(name + " in " + VOCABULARY).isTrue();
        return Arrays.stream(declaration.group(1).split(",")).map(String::strip)
                .map(item -> item.replaceAll("^'|'$", "")).toList();
    }
}
