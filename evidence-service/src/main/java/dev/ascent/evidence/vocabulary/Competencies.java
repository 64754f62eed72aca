package dev.ascent.evidence.vocabulary;

import java.util.List;

/**
 * The competency codes of the default framework (docs/service-contracts.md). Evidence may only
 * name these until frameworks are versioned data the services exchange.
 */
public final class Competencies {

    public static final List<String> DEFAULT = List.of(
            "execution-delivery", "customer-discovery", "business-acumen", "platform-mastery", "agency-ownership",
            "cross-functional-breadth", "customer-facing", "cross-team-relationships", "influence",
            "strategic-communication", "clarity-amid-chaos", "people-leadership", "product-strategy",
            "business-vision");

    private Competencies() {
    }

    public static boolean known(String code) {
        return DEFAULT.contains(code);
    }
}
