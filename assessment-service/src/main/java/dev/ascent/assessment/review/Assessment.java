package dev.ascent.assessment.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One person's ratings of another (or of themselves) in a cycle. Immutable once submitted. */
@Entity
@Table(name = "assessment")
public class Assessment {

    public enum Kind { SELF, MANAGER, PEER }

    public enum Status { DRAFT, SUBMITTED }

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "assessor_id", nullable = false)
    public UUID assessorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "framework_version", nullable = false)
    public int frameworkVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "assessment_rating", joinColumns = @JoinColumn(name = "assessment_id"))
    public List<Rating> ratings = new ArrayList<>();

    @Embeddable
    public static class Rating {
        @Column(nullable = false)
        public String competency;

        @Column(nullable = false)
        public short rating;

        public String comment;

        public Rating() {
        }

        public Rating(String competency, short rating, String comment) {
            this.competency = competency;
            this.rating = rating;
            this.comment = comment;
        }
    }
}
