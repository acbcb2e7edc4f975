package io.ferry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.ferry.events.vocabulary.ClusterState;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.Phase;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.events.vocabulary.TriggerType;

/**
 * Finds domain words spelled as string literals (text blocks included) in a module's Java sources, for a module's
 * test that only its vocabulary, schemas and mappers spell them: values of the vocabulary (states, types, phases) and
 * names of document fields.
 */
public final class DomainLiterals {

    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^A-Za-z0-9_-]+");
    /** Vocabulary words that are also plain English in messages ("an S3 bucket"): flagged only as a whole literal. */
    private static final Set<String> PROSE_WORDS = Set.of(TargetKind.S3.name());

    private DomainLiterals() {
    }

    /** A string literal as written in a source file, escapes left as they are. */
    public record Literal(Path file, int line, String text) {

        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": \"" + text + "\"";
        }
    }

    /** Every wire name of the vocabulary's enums. */
    public static Set<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        Stream.of(JobType.values(), JobState.values(), TriggerType.values(), Phase.values(), OpType.values(), ClusterState.values(),
                TargetKind.values()).flatMap(Arrays::stream).forEach(value -> words.add(value.name()));
        Arrays.stream(PvcState.values()).forEach(state -> words.add(state.wire()));
        return words;
    }

    /**
     * The literals of the {@code .java} files under {@code sourceRoot} that {@code allowed} does not exempt and that
     * contain a word of {@code words} (case-sensitive, delimited by characters other than letters, digits, {@code _} and
     * {@code -}; {@code S3} only as the whole literal), or are one of {@code fields}, or quote one as an SQL literal ({@code 'name'}).
     */
    public static List<Literal> find(Path sourceRoot, Set<String> words, Set<String> fields, Predicate<Path> allowed) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.toString().endsWith(".java")).filter(allowed.negate())
                    .flatMap(file -> literals(file).stream())
                    .filter(literal -> spells(literal.text(), words, fields))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean spells(String text, Set<String> words, Set<String> fields) {
        if (fields.contains(text) || fields.stream().anyMatch(field -> text.contains("'" + field + "'"))) {
            return true;
        }
        return WORD_SEPARATOR.splitAsStream(text)
                .anyMatch(word -> words.contains(word) && (!PROSE_WORDS.contains(word) || text.equals(word)));
    }

    /** The string literals and text blocks of one source file; comments and character literals are skipped. */
    public static List<Literal> literals(Path file) {
        try {
            return literals(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Literal> literals(Path file, String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? source.length() : end + 2;
                line += count(source, i, stop);
                i = stop;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                literals.add(new Literal(file, line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                if (c == '"') {
                    literals.add(new Literal(file, line, source.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return literals;
    }

    /** Where the literal that starts at {@code from} ends: the first unescaped {@code quote}. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < Math.min(to, source.length()); i++) {
            lines += source.charAt(i) == '\n' ? 1 : 0;
        }
        return lines;
    }
}
