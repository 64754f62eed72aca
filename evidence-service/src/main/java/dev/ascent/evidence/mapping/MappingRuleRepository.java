package dev.ascent.evidence.mapping;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MappingRuleRepository implements PanacheRepositoryBase<MappingRule, UUID> {

    /** One page in the order rules are tried (priority, then name), after {@code after} (or from the start). */
    public List<MappingRule> page(Integer afterPriority, String afterName, UUID afterId, int limit) {
        if (afterId == null) {
            return find("order by priority, name, id").page(0, limit).list();
        }
        return find("priority > :p or (priority = :p and (name > :n or (name = :n and id > :id))) order by priority, name, id",
                Parameters.with("p", afterPriority).and("n", afterName).and("id", afterId)).page(0, limit).list();
    }

    /** The mapper over every enabled rule: one query. */
    public EvidenceMapper mapper() {
        return new EvidenceMapper(list("enabled = true").stream().map(MappingRule::toRule).toList());
    }
}
