package dev.ascent.growthplan.playbook;

import java.util.List;

/**
 * The codes this service shares with the others (docs/service-contracts.md): competencies of the
 * default framework, evidence kinds and career tiers. A playbook may only use these.
 */
public final class Vocabulary {

    public static final List<String> COMPETENCIES = List.of(
            "execution-delivery", "customer-discovery", "business-acumen", "platform-mastery",
            "agency-ownership", "cross-functional-breadth", "customer-facing", "cross-team-relationships",
            "influence", "strategic-communication", "clarity-amid-chaos", "people-leadership",
            "product-strategy", "business-vision");

    public static final List<String> EVIDENCE_KINDS = List.of(
            "DELIVERY", "CUSTOMER_DISCOVERY_SESSION", "UNOWNED_PROBLEM", "CROSS_FUNCTIONAL_ROTATION",
            "CUSTOMER_FACING_SESSION", "RELATIONSHIP_BUILT", "STRATEGIC_RECOMMENDATION", "DECISION_CLARIFIED",
            "LAUNCH_OUTCOME", "PEOPLE_DEVELOPMENT", "OTHER");

    /** Tiers of the pyramid, lowest first. */
    public static final List<String> TIERS = List.of("IC", "DIRECTOR", "VP", "CPO");

    private Vocabulary() {
    }
}
