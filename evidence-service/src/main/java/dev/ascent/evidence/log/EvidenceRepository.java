package dev.ascent.evidence.log;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    /** One page, newest work first (occurred-at, then id, both descending), after {@code after}. */
    public List<Evidence> page(EvidenceFilter filter, KeysetCursor after, LocalDate afterDate, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.personId() != null) {
            where.add("personId = :person");
            params.put("person", filter.personId());
        }
        if (filter.competency() != null) {
            where.add("array_contains(competencies, :competency)");
            params.put("competency", filter.competency());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.source() != null) {
            where.add("source = :source");
            params.put("source", filter.source());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :fromDate");
            params.put("fromDate", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt <= :toDate");
            params.put("toDate", filter.to());
        }
        if (after != null) {
            where.add("(occurredAt < :afterDate or (occurredAt = :afterDate and id < :afterId))");
            params.put("afterDate", afterDate);
            params.put("afterId", after.id());
        }
        String order = "order by occurredAt desc, id desc";
        String query = where.isEmpty() ? order : String.join(" and ", where) + " " + order;
        return find(query, params).page(0, limit).list();
    }
}
