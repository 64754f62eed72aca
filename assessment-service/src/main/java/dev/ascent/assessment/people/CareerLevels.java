package dev.ascent.assessment.people;

import java.util.List;

/**
 * The level codes of the default PM ladder, lowest first. People are placed on these until
 * versioned frameworks own the ladder and an organisation can define its own.
 */
final class CareerLevels {

    static final List<String> DEFAULT_LADDER =
            List.of("APM", "PM", "SENIOR_PM", "PRINCIPAL_PM", "DIRECTOR", "VP", "CPO");

    private CareerLevels() {
    }

    static boolean known(String code) {
        return DEFAULT_LADDER.contains(code);
    }
}
