package dev.ascent.growthplan.plan;

/** Who wrote a check-in: the person the plan is for, or their manager. */
public enum AuthorRole {
    PERSON,
    MANAGER
}
