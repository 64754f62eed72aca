package dev.ascent.assessment.promotion;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A case as a document: headings, paragraphs and list items in reading order. The Markdown and
 * PDF exports render the same blocks, so they cannot say different things. Pure.
 */
public final class CaseDocument {

    public sealed interface Block permits Heading, Paragraph, Item {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** A list item; {@code link}, when present, is a URL the text refers to. */
    public record Item(String text, String link) implements Block {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private CaseDocument() {
    }

    public static List<Block> of(CaseDtos.CaseView c) {
        List<Block> blocks = new ArrayList<>();
        CaseDtos.Snapshot s = c.snapshot();
        blocks.add(new Heading(1, "Promotion case: " + name(c.person()) + ", " + c.fromLevel() + " to " + c.targetLevel()));
        blocks.add(new Paragraph("Status: " + c.status() + ". Opened by " + name(c.openedBy()) + " on "
                + DAY.format(c.createdAt()) + (c.submittedAt() == null ? "" : "; submitted on " + DAY.format(c.submittedAt()))
                + "."));
        if (c.decision() != null) {
            CaseDtos.DecisionRecord d = c.decision();
            blocks.add(new Heading(2, "Decision: " + (d.outcome() == CaseDtos.Outcome.PROMOTED ? "promoted" : "not yet")));
            blocks.add(new Paragraph("Decided by " + name(d.decidedBy()) + " on " + DAY.format(d.decidedAt()) + "."));
            blocks.add(new Paragraph(d.rationale()));
            for (CaseDtos.Gap gap : d.gaps()) {
                blocks.add(new Item("Gap to close: " + gap.competency()
                        + (gap.note() == null || gap.note().isBlank() ? "" : ": " + gap.note()), null));
            }
        }

        blocks.add(new Heading(2, "Readiness when the record was taken"));
        blocks.add(new Paragraph(s.readinessPercent() + "% ready for " + s.targetLevel() + " (" + s.status()
                + "), framework version " + s.frameworkVersion() + ", taken on " + DAY.format(s.takenAt()) + "."));
        if (s.credibility() != null && !s.credibility().isBlank()) {
            blocks.add(new Paragraph(s.credibility()));
        }
        for (CaseDtos.CompetencyRecord r : s.competencies()) {
            blocks.add(new Heading(3, r.name() + " (" + r.competency() + "): " + verdict(r.verdict())));
            blocks.add(new Paragraph("Expected " + r.expected() + "; self " + value(r.selfRating()) + ", manager "
                    + value(r.managerRating()) + ", peers " + value(r.peerRating()) + ", calibrated "
                    + value(r.calibratedRating()) + "; effective " + value(r.effectiveRating()) + ". Evidence strength "
                    + value(r.evidenceStrength()) + " of " + r.evidenceRequired() + " required."));
            if (r.calibration() != null) {
                blocks.add(new Paragraph("Calibrated to " + r.calibration().rating() + " by "
                        + name(r.calibration().by()) + ": " + r.calibration().rationale()));
            }
            if (r.evidence().isEmpty()) {
                blocks.add(new Item("No evidence counted yet.", null));
            }
            for (CaseDtos.EvidenceItem e : r.evidence()) {
                String who = e.verifiedBy() == null ? "confirmed by the person" : "verified by " + name(e.verifiedBy());
                blocks.add(new Item(e.title() + " (" + e.occurredAt() + ", weight " + e.weight() + ", " + who + ")", null));
                for (String link : e.links()) {
                    blocks.add(new Item("Link: " + link, link));
                }
            }
        }

        for (CaseDtos.Narrative n : c.narratives()) {
            blocks.add(new Heading(2, (n.role().equals("PERSON") ? "The person's narrative" : "The manager's narrative")
                    + (n.author() == null ? " (not written)" : ", by " + name(n.author()))));
            if (n.author() != null) {
                blocks.add(new Heading(3, n.prompts().whatIDid()));
                blocks.add(new Paragraph(n.whatIDid()));
                blocks.add(new Heading(3, n.prompts().impact()));
                blocks.add(new Paragraph(n.impact()));
                blocks.add(new Heading(3, n.prompts().whatNext()));
                blocks.add(new Paragraph(n.whatNext()));
            }
        }

        blocks.add(new Heading(2, "Review"));
        if (c.reviewers().isEmpty()) {
            blocks.add(new Paragraph("No reviewer invited."));
        }
        for (CaseDtos.Reviewer r : c.reviewers()) {
            blocks.add(new Item("Reviewer: " + name(r.reviewer()) + ", invited by " + name(r.invitedBy()), null));
        }
        for (CaseDtos.Comment comment : c.comments()) {
            blocks.add(new Paragraph(name(comment.author()) + " on " + DAY.format(comment.createdAt()) + ": "
                    + comment.body()));
        }

        blocks.add(new Heading(2, "History"));
        for (CaseDtos.Event e : c.history()) {
            blocks.add(new Item(DAY.format(e.at()) + ": " + e.action() + (e.actor() == null ? "" : " by " + name(e.actor()))
                    + (e.detail() == null ? "" : " (" + e.detail() + ")"), null));
        }
        return blocks;
    }

    static String verdict(String verdict) {
        return verdict.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String value(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static String name(CaseDtos.Person person) {
        return person == null ? "nobody" : person.name() == null ? person.id().toString() : person.name();
    }
}
