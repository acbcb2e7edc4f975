package io.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's table of events ("Events") against the catalog: the same events, topics and keys. */
class EventCatalogReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "### Events";
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\(`([^`]+)`\\) \\| `([^`]+)` \\| ([^|]+?) \\|");

    /** One row of the table as the README writes it. */
    private record Row(String name, String ceType, String topic, String key) {
    }

    @Test
    void theTableListsEveryEventOfTheCatalogAndNoOther() throws IOException {
        List<Row> expected = EventCatalog.ALL.stream()
                .map(type -> new Row(type.payloadType().getSimpleName(), type.ceType(), type.topic(), type.key().description()))
                .toList();
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(SECTION);
        assertThat(start).as("README.md has a section %s", SECTION).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.add(new Row(row.group(1), row.group(2), row.group(3), row.group(4)));
            }
        }
        return rows;
    }
}
