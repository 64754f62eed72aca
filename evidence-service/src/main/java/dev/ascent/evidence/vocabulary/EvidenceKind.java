package dev.ascent.evidence.vocabulary;

/**
 * What sort of work an evidence item records. This enum is the one list: the database's check
 * constraint is generated from it ({@code EvidenceKindPlaceholder}), and every other service and the
 * web app read it from {@code GET /api/v1/evidence-kinds}.
 */
public enum EvidenceKind {
    DELIVERY("Delivery", "Product work that shipped: a feature, a release, a milestone met"),
    CUSTOMER_DISCOVERY_SESSION("Customer discovery", "An interview, test or study that taught something about customers' problems"),
    UNOWNED_PROBLEM("Unowned problem taken on", "A problem nobody owned, picked up and seen through"),
    CROSS_FUNCTIONAL_ROTATION("Time in another function", "Working inside sales, marketing, support or operations for a stretch"),
    CUSTOMER_FACING_SESSION("Customer-facing work", "A sales call, renewal, escalation or support shift alongside customers"),
    RELATIONSHIP_BUILT("Relationship built", "A working relationship with another team or group, and what it made possible"),
    STRATEGIC_RECOMMENDATION("Recommendation made", "A written recommendation on what to do next, with its reasoning"),
    DECISION_CLARIFIED("Decision made clear", "An ambiguous situation turned into a decision people could act on"),
    LAUNCH_OUTCOME("Launch outcome", "What a launch changed: adoption, revenue, retention, cost"),
    PEOPLE_DEVELOPMENT("People developed", "Coaching, hiring or growing someone, and how they grew"),
    OTHER("Other", "Work that fits none of the kinds above");

    private final String label;
    private final String description;

    EvidenceKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
