package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;

import java.time.LocalDate;
import java.util.UUID;

/** Filters of the evidence list; every one is optional. {@code from} and {@code to} are inclusive. */
public record EvidenceFilter(UUID personId, String competency, EvidenceKind kind, EvidenceStatus status,
                             EvidenceSource source, LocalDate from, LocalDate to) {
}
