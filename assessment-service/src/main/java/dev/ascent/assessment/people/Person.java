package dev.ascent.assessment.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Someone on the product career ladder. The reporting line is the {@code managerId} chain. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Stored lower-cased; unique. */
    @Column(nullable = false)
    public String email;

    @Column(name = "level_code", nullable = false)
    public String level;

    @Column(name = "target_level_code")
    public String targetLevel;

    @Column(name = "manager_id")
    public UUID managerId;

    /** Team-level founder-led setting; {@code null} inherits from the managers, then the organisation. */
    @Column(name = "founder_led")
    public Boolean founderLed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
