package dev.ascent.evidence.vocabulary;

/** What sort of work an evidence item records (the evidence kinds of docs/service-contracts.md). */
public enum EvidenceKind {
    DELIVERY, CUSTOMER_DISCOVERY_SESSION, UNOWNED_PROBLEM, CROSS_FUNCTIONAL_ROTATION, CUSTOMER_FACING_SESSION,
    RELATIONSHIP_BUILT, STRATEGIC_RECOMMENDATION, DECISION_CLARIFIED, LAUNCH_OUTCOME, PEOPLE_DEVELOPMENT, OTHER
}
