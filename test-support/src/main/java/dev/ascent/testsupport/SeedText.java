package dev.ascent.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's seed notes on careers (shared/seed beside the repository) are a brief, not product
 * text: framework and playbook texts must say things in their own words. Two texts share a sentence
 * when they share a run of {@value #RUN} words, compared lower-case with punctuation dropped: product
 * text may share at most six words in a row with the seed (issue 16).
 */
public final class SeedText {

    public static final int RUN = 7;

    private final Set<String> seedRuns;

    private SeedText(Set<String> seedRuns) {
        this.seedRuns = seedRuns;
    }

    /**
     * The seed found in {@code shared/seed} of the working directory or any folder above it
     * (a checkout sits beside {@code shared/}), or in {@code ascent.seed.dir}.
     */
    public static SeedText load() {
        Path dir = seedDirectory().orElseThrow(() -> new IllegalStateException(
                "No shared/seed folder above " + Path.of("").toAbsolutePath() + "; set -Dascent.seed.dir"));
        Set<String> runs = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                // a line of the seed is a paragraph: runs do not cross from one to the next
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    runs.addAll(runs(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("The seed folder " + dir + " holds no text");
        }
        return new SeedText(runs);
    }

    public static SeedText of(String seed) {
        Set<String> runs = new LinkedHashSet<>();
        seed.lines().forEach(line -> runs.addAll(runs(line)));
        return new SeedText(runs);
    }

    /** The runs of {@value #RUN} words {@code text} shares with the seed, in the order they appear in it. */
    public List<String> sharedRuns(String text) {
        return runs(text).stream().filter(seedRuns::contains).toList();
    }

    static Set<String> runs(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
        Set<String> runs = new LinkedHashSet<>();
        for (int i = 0; i + RUN <= words.length; i++) {
            runs.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + RUN)));
        }
        return runs;
    }

    private static Optional<Path> seedDirectory() {
        String configured = System.getProperty("ascent.seed.dir");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("seed");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
