package dev.ascent.evidence.mapping;

import dev.ascent.evidence.ingest.IncomingEvent;
import dev.ascent.evidence.ingest.SamplePayloads;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.kit.framework.PublishedFramework;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Tries the enabled rules on a sample payload with the same reader and matcher as ingestion; writes nothing. */
@ApplicationScoped
public class MappingDryRun {

    private final MappingRuleRepository rules;
    private final PublishedFramework framework;

    public MappingDryRun(MappingRuleRepository rules, PublishedFramework framework) {
        this.rules = rules;
        this.framework = framework;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DryRunResponse run(DryRunRequest request) {
        SourceKind kind = SourceKind.valueOf(request.source());
        IncomingEvent event = SamplePayloads.normalise(kind, request.event(), request.payload(), LocalDate.now(ZoneOffset.UTC));
        DryRunResponse.Match match = event.ignoredReason() != null ? null
                : framework.ifAvailable().map(v -> rules.mapper().within(v.competencies())).orElseGet(rules::mapper)
                        .map(event.toProjectEvent(kind.name()))
                        .map(s -> {
                            MappingRule rule = rules.findById(s.ruleId());
                            return new DryRunResponse.Match(s.ruleId(), rule.name, rule.priority, s.kind(), s.competencies());
                        })
                        .orElse(null);
        return new DryRunResponse(event.eventType(), event.ignoredReason(), event.externalUser(), event.email(),
                event.title(), event.labels(), event.issueType(), event.components(), match);
    }
}
