package dev.ascent.evidence.mapping;

import java.util.List;

/**
 * The attributes of an ingested event that mapping rules look at, whatever tool sent it.
 * {@code eventType} is normalised: {@code pull_request.merged}, {@code issues.opened},
 * {@code issues.closed}, {@code release.published} (GitHub), {@code issue.created}, {@code issue.done},
 * {@code comment.created}, {@code version.released} (Jira), {@code issue.created},
 * {@code issue.completed} (Linear), or a generic event's own type.
 */
public record ProjectEvent(String source, String eventType, String title, String body, List<String> labels,
                           String issueType, List<String> components) {

    public ProjectEvent {
        labels = labels == null ? List.of() : List.copyOf(labels);
        components = components == null ? List.of() : List.copyOf(components);
    }
}
