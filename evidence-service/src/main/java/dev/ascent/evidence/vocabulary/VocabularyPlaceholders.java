package dev.ascent.evidence.vocabulary;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hands the vocabulary enums to Flyway as placeholders ({@code ${evidence_kinds}},
 * {@code ${evidence_sources}}, {@code ${evidence_statuses}}), from which the repeatable migration
 * {@code R__evidence_vocabulary.sql} builds the database's checks. A repeatable migration's checksum
 * covers its placeholders, so adding a constant to an enum re-applies the checks on the next start and
 * no SQL restates a list.
 */
@Singleton
public class VocabularyPlaceholders implements FlywayConfigurationCustomizer {

    static final Map<String, Class<? extends Enum<?>>> PLACEHOLDERS = Map.of(
            "evidence_kinds", EvidenceKind.class,
            "evidence_sources", EvidenceSource.class,
            "evidence_statuses", EvidenceStatus.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        PLACEHOLDERS.forEach((name, type) -> placeholders.put(name, sqlList(type)));
        configuration.placeholders(placeholders);
    }

    /** {@code 'DELIVERY', 'CUSTOMER_DISCOVERY_SESSION', …} */
    static String sqlList(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    }
}
