package dev.ascent.evidence.log;

import dev.ascent.evidence.vocabulary.EvidenceKind;
import dev.ascent.evidence.vocabulary.EvidenceSource;
import dev.ascent.evidence.vocabulary.EvidenceStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record EvidenceResponse(UUID id, UUID personId, EvidenceKind kind, List<String> competencies, String title,
                               String summary, List<String> links, String impact, LocalDate occurredAt,
                               EvidenceSource source, EvidenceStatus status, UUID sourceId, UUID ruleId,
                               Actioned confirmed, Actioned verified, Actioned rejected,
                               Instant createdAt, Instant updatedAt) {

    /** Who took a step of the status flow, and when. */
    public record Actioned(UUID by, Instant at) {
        static Actioned of(UUID by, Instant at) {
            return at == null ? null : new Actioned(by, at);
        }
    }

    static EvidenceResponse of(Evidence e) {
        return new EvidenceResponse(e.id, e.personId, e.kind, List.of(e.competencies), e.title, e.summary,
                List.of(e.links), e.impact, e.occurredAt, e.source, e.status, e.sourceId, e.ruleId,
                Actioned.of(e.confirmedBy, e.confirmedAt), Actioned.of(e.verifiedBy, e.verifiedAt),
                Actioned.of(e.rejectedBy, e.rejectedAt), e.createdAt, e.updatedAt);
    }
}
