package dev.ascent.evidence.mapping;

import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import dev.ascent.kit.framework.PublishedFramework;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admins' edits of the mapping rules. Evidence keeps the id of the rule that suggested it. */
@ApplicationScoped
public class MappingRuleService {

    private final MappingRuleRepository rules;

    private final PublishedFramework framework;

    public MappingRuleService(MappingRuleRepository rules, PublishedFramework framework) {
        this.framework = framework;
        this.rules = rules;
    }

    public Page<MappingRuleResponse> list(String cursor, int limit) {
        Integer priority = null;
        String name = null;
        UUID id = null;
        if (cursor != null && !cursor.isBlank()) {
            KeysetCursor after = KeysetCursor.decode(cursor);
            int bar = after.key().indexOf('|');
            try {
                priority = Integer.parseInt(after.key().substring(0, bar));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw KeysetCursor.invalid();
            }
            name = after.key().substring(bar + 1);
            id = after.id();
        }
        List<MappingRule> rows = rules.page(priority, name, id, limit + 1);
        boolean more = rows.size() > limit;
        List<MappingRule> page = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new KeysetCursor(page.getLast().priority + "|" + page.getLast().name, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(MappingRuleResponse::of).toList(), next);
    }

    public Optional<MappingRuleResponse> find(UUID id) {
        return rules.findByIdOptional(id).map(MappingRuleResponse::of);
    }

    @Transactional
    public MappingRuleResponse create(MappingRuleRequest request) {
        MappingRule rule = new MappingRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(rule, request);
        rules.persist(rule);
        return MappingRuleResponse.of(rule);
    }

    @Transactional
    public MappingRuleResponse update(UUID id, MappingRuleRequest request) {
        MappingRule rule = rules.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Mapping rule", id));
        apply(rule, request);
        return MappingRuleResponse.of(rule);
    }

    /**
     * Deletes a rule; the evidence it suggested stays, no longer naming it. Locked first so batches
     * that hold the rules key-share finish before their evidence is cleared (no foreign key, see V4).
     */
    @Transactional
    public void delete(UUID id) {
        var em = rules.getEntityManager();
        if (em.createNativeQuery("SELECT id FROM evidence.mapping_rule WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList().isEmpty()) {
            throw ApiProblem.notFound("Mapping rule", id);
        }
        em.createNativeQuery("UPDATE evidence.evidence SET rule_id = NULL WHERE rule_id = :id")
                .setParameter("id", id).executeUpdate();
        rules.deleteById(id);
    }

    private void apply(MappingRule rule, MappingRuleRequest request) {
        List<Problem.Violation> violations = framework.checkCompetencies("competencies", request.competencies());
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields", violations);
        }
        rule.name = request.name().trim();
        rule.priority = request.priority();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.source = request.source();
        rule.eventTypes = array(request.eventTypes());
        rule.labels = array(request.labels());
        rule.issueTypes = array(request.issueTypes());
        rule.components = array(request.components());
        rule.keywords = array(request.keywords());
        rule.kind = request.kind().name();
        rule.competencies = request.competencies().stream().distinct().toArray(String[]::new);
        rule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // an admin's edit makes the rule theirs: a later shipped revision never overwrites or removes it
        rule.shippedRevision = null;
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.stream().map(String::trim).distinct().toArray(String[]::new);
    }
}
