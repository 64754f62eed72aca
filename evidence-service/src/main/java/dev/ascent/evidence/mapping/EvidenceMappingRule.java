package dev.ascent.evidence.mapping;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One rule from event attributes to an evidence kind and competencies. Every criterion that is
 * set must hold (an empty list or a null source means "any"): the source, one of the event
 * types, any of the labels, one of the issue types, any of the components, any of the keywords
 * (whole words or phrases in the title or body). Comparisons ignore case.
 */
public record EvidenceMappingRule(UUID id, String name, int priority, String source, List<String> eventTypes,
                                  List<String> labels, List<String> issueTypes, List<String> components,
                                  List<String> keywords, String kind, List<String> competencies) {

    public EvidenceMappingRule {
        Objects.requireNonNull(kind, "kind");
        eventTypes = copy(eventTypes);
        labels = copy(labels);
        issueTypes = copy(issueTypes);
        components = copy(components);
        keywords = copy(keywords);
        competencies = List.copyOf(competencies);
    }

    /** Compiled keyword patterns, shared: rules are rebuilt per request, keywords rarely change. */
    private static final Map<String, Pattern> WORDS = new ConcurrentHashMap<>();

    private static Pattern wholeWord(String keyword) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])");
    }

    public boolean matches(ProjectEvent event) {
        return (source == null || source.equalsIgnoreCase(event.source()))
                && (eventTypes.isEmpty() || containsIgnoringCase(eventTypes, event.eventType()))
                && (labels.isEmpty() || event.labels().stream().anyMatch(l -> containsIgnoringCase(labels, l)))
                && (issueTypes.isEmpty() || containsIgnoringCase(issueTypes, event.issueType()))
                && (components.isEmpty() || event.components().stream().anyMatch(c -> containsIgnoringCase(components, c)))
                && (keywords.isEmpty() || mentionsAnyKeyword(event));
    }

    private boolean mentionsAnyKeyword(ProjectEvent event) {
        String text = ((event.title() == null ? "" : event.title()) + "\n" + (event.body() == null ? "" : event.body()))
                .toLowerCase(Locale.ROOT);
        for (String keyword : keywords) {
            if (WORDS.computeIfAbsent(keyword.toLowerCase(Locale.ROOT), EvidenceMappingRule::wholeWord).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoringCase(List<String> values, String value) {
        if (value == null) {
            return false;
        }
        for (String v : values) {
            if (v.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
