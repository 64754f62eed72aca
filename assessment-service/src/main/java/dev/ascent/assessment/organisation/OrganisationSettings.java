package dev.ascent.assessment.organisation;

import jakarta.validation.constraints.NotNull;

/** @param founderLed whether the company is founder-led, so credibility comes before strategy */
public record OrganisationSettings(@NotNull Boolean founderLed) {
}
