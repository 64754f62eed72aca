package dev.ascent.assessment.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The organisation's settings: one row. */
@Entity
@Table(name = "organisation_setting")
public class OrganisationSetting {

    @Id
    public boolean singleton = true;

    @Column(name = "founder_led", nullable = false)
    public boolean founderLed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
