package dev.ascent.assessment.cycle;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A named assessment window with its participants, tied to the framework version it rates against. */
@Entity
@Table(name = "assessment_cycle")
public class AssessmentCycle {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "framework_version", nullable = false)
    public int frameworkVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "cycle_participant", joinColumns = @JoinColumn(name = "cycle_id"))
    @Column(name = "person_id")
    public Set<UUID> participants = new HashSet<>();
}
