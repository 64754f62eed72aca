package dev.ascent.evidence.ingest;

import dev.ascent.evidence.mapping.ProjectEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * One project event as any tool's payload normalises to. {@code ignoredReason} is set when the
 * event is not evidence whatever the rules say (a PR closed unmerged, a ping); {@code externalUser}
 * is the tool's name for the person who did the work (login, account id, user id or email), and
 * {@code email} their email when the tool sends one as well (an email link then resolves them).
 * A webhook event is identified by its {@code deliveryId}, a generic event by its {@code externalId}
 * (the integrator's own id for it); either makes a repeat a no-op.
 */
public record IncomingEvent(String deliveryId, String externalId, String eventType, String ignoredReason, String externalUser,
                            String email, String title, String body, String url, List<String> labels, String issueType,
                            List<String> components, LocalDate occurredAt) {

    public IncomingEvent {
        labels = labels == null ? List.of() : List.copyOf(labels);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A webhook event: its delivery id identifies it. */
    public IncomingEvent(String deliveryId, String eventType, String ignoredReason, String externalUser, String email,
                         String title, String body, String url, List<String> labels, String issueType,
                         List<String> components, LocalDate occurredAt) {
        this(deliveryId, null, eventType, ignoredReason, externalUser, email, title, body, url, labels, issueType,
                components, occurredAt);
    }

    public static IncomingEvent ignored(String deliveryId, String eventType, String reason) {
        return new IncomingEvent(deliveryId, eventType, reason, null, null, null, null, null, List.of(), null, List.of(),
                null);
    }

    public ProjectEvent toProjectEvent(String source) {
        return new ProjectEvent(source, eventType, title, body, labels, issueType, components);
    }
}
