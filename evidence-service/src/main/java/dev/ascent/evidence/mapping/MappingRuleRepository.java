package dev.ascent.evidence.mapping;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MappingRuleRepository implements PanacheRepositoryBase<MappingRule, UUID> {

    public List<MappingRule> ordered() {
        return list("order by priority, name, id");
    }

    /** The mapper over every enabled rule: one query. */
    public EvidenceMapper mapper() {
        return new EvidenceMapper(list("enabled = true").stream().map(MappingRule::toRule).toList());
    }
}
