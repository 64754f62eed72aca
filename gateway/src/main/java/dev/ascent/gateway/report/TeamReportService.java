package dev.ascent.gateway.report;

import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.gateway.routing.ServiceRoutes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Builds a team report from the services' bulk endpoints: the team and its readiness columns from
 * assessment-service at once (it walks the team for both), then, once the team names its people, one
 * call to each other service for everyone at once, in parallel. The cost is four calls whatever the
 * team size. A service that fails leaves its columns empty and named in
 * {@code unavailable}; only the team itself is indispensable.
 */
@ApplicationScoped
public class TeamReportService {

    private static final Logger LOG = Logger.getLogger(TeamReportService.class);
    static final String ASSESSMENT = "assessment-service";
    static final String EVIDENCE = "evidence-service";
    static final String PLANS = "growth-plan-service";

    private final ServiceRoutes routes;
    private final ServiceReads reads;
    private final Clock clock = Clock.systemUTC();

    public TeamReportService(ServiceRoutes routes, ServiceReads reads) {
        this.routes = routes;
        this.reads = reads;
    }

    /** @param perPerson whether each row carries its competency cells (the JSON view; a CSV does not need them) */
    public Uni<TeamReport> report(UUID managerId, boolean allLevels, boolean perPerson) {
        ServiceRoutes.Backend assessment = backend(ASSESSMENT);
        String depth = allLevels ? "all" : "direct";
        // Asked now, beside the team rather than after it: assessment-service finds the team itself.
        CompletableFuture<Optional<ServiceViews.BulkReadiness>> readiness = optional(ASSESSMENT,
                reads.get(assessment, "/api/v1/people/" + managerId + "/team/readiness-columns?depth=" + depth
                        + "&competencies=" + perPerson, ServiceViewsJson::readinessColumns))
                .subscribeAsCompletionStage();
        return reads.get(assessment, "/api/v1/people/" + managerId + "/team?depth=" + depth, ServiceViewsJson::team)
                .onFailure(ServiceReads.ServiceError.class).transform(e -> switch (((ServiceReads.ServiceError) e).status) {
                    case 404 -> ApiProblem.notFound("Person", managerId);
                    case 422 -> new ApiProblem(422, "team-too-large", "Team too large",
                            "This team is too large for one report; ask for direct reports or a sub-team", List.of());
                    default -> unavailable(ASSESSMENT);
                })
                .onFailure(t -> !(t instanceof ApiProblem)).transform(e -> unavailable(ASSESSMENT))
                // An answer without people is not a team (a service answering out of contract): 503, not 500.
                .flatMap(team -> team.people() == null ? Uni.createFrom().failure(unavailable(ASSESSMENT))
                        : columns(team, allLevels, Uni.createFrom().completionStage(readiness)));
    }

    private Uni<TeamReport> columns(ServiceViews.Team team, boolean allLevels,
                                    Uni<Optional<ServiceViews.BulkReadiness>> readiness) {
        List<UUID> ids = team.people().stream().map(ServiceViews.Member::id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(assemble(team, allLevels,
                    Optional.of(new ServiceViews.BulkReadiness(List.of(), List.of())), Optional.of(List.of()),
                    Optional.of(List.of())));
        }
        LocalDate since = LocalDate.now(clock).minusDays(90);
        Uni<Optional<List<ServiceViews.Count>>> evidence = optional(EVIDENCE,
                reads.post(backend(EVIDENCE), "/api/v1/evidence/counts",
                        new ServiceViews.CountsRequest(ids.stream().map(id -> new ServiceViews.Window(id, since)).toList()),
                        ServiceViewsJson::counts).map(ServiceViews.Counts::counts));
        Uni<Optional<List<ServiceViews.PlanStatus>>> plans = optional(PLANS,
                reads.post(backend(PLANS), "/api/v1/plans/status/bulk", new ServiceViews.PeopleRequest(ids),
                        ServiceViewsJson::plans).map(ServiceViews.BulkPlans::people));
        return Uni.combine().all().unis(readiness, evidence, plans)
                .with((r, e, p) -> assemble(team, allLevels, r, e, p));
    }

    private TeamReport assemble(ServiceViews.Team team, boolean allLevels,
                                Optional<ServiceViews.BulkReadiness> readiness,
                                Optional<List<ServiceViews.Count>> evidence,
                                Optional<List<ServiceViews.PlanStatus>> plans) {
        Map<UUID, ServiceViews.Readiness> readinessById = new HashMap<>();
        readiness.ifPresent(bulk -> bulk.people().forEach(r -> readinessById.put(r.personId(), r)));
        Map<UUID, Map<String, Integer>> evidenceById = new HashMap<>();
        evidence.ifPresent(list -> list.forEach(c -> evidenceById.computeIfAbsent(c.personId(), k -> new TreeMap<>())
                .merge(c.competency(), c.count(), Integer::sum)));
        Map<UUID, ServiceViews.PlanStatus> planById = new HashMap<>();
        plans.ifPresent(list -> list.forEach(p -> planById.put(p.personId(), p)));

        List<TeamReport.Row> rows = new ArrayList<>();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (String status : List.of("NOT_READY", "EMERGING", "READY", "UNKNOWN")) {
            distribution.put(status, 0);
        }
        for (ServiceViews.Member m : team.people()) {
            ServiceViews.Readiness r = readinessById.get(m.id());
            ServiceViews.PlanStatus plan = planById.get(m.id());
            String status = r == null || r.status() == null ? "UNKNOWN" : r.status();
            distribution.merge(status, 1, Integer::sum);
            rows.add(new TeamReport.Row(m.id(), m.name(), m.email(), m.managerId(), m.depth(), m.level(),
                    r != null && r.targetLevel() != null ? r.targetLevel() : m.targetLevel(),
                    r == null ? null : r.readinessPercent(), r == null ? null : r.status(),
                    r == null ? null : r.topGaps(),
                    evidence.isPresent() ? evidenceById.getOrDefault(m.id(), Map.of()) : null,
                    plan == null ? null : plan.status(), plan == null ? null : plan.progressPercent(),
                    r == null ? null : r.lastAssessmentAt(), r == null ? null : r.competencies(),
                    r == null ? null : r.signals() == null ? List.of() : r.signals()));
        }
        List<ServiceViews.CompetencyTotal> totals = readiness.map(ServiceViews.BulkReadiness::competencyTotals)
                .orElse(null);
        List<TeamReport.HeatmapCell> heatmap = totals == null ? List.of() : totals.stream().map(t -> {
            Double average = t.rated() == 0 ? null : round1(t.ratingSum() / t.rated());
            double expected = t.expectedOf() == 0 ? 0 : round1(t.expectedSum() / t.expectedOf());
            return new TeamReport.HeatmapCell(t.competency(), average, expected,
                    average == null ? null : round1(expected - average), t.rated(), t.expectedOf());
        }).toList();
        List<String> unavailable = new ArrayList<>();
        if (readiness.isEmpty()) {
            unavailable.addAll(List.of("readinessPercent", "readinessStatus", "topGaps", "lastAssessmentAt", "signals",
                    "heatmap"));
        }
        if (evidence.isEmpty()) {
            unavailable.add("evidenceLast90Days");
        }
        if (plans.isEmpty()) {
            unavailable.addAll(List.of("planStatus", "planProgressPercent"));
        }
        return new TeamReport(team.managerId(), allLevels, LocalDate.now(clock), rows.size(), unavailable, rows,
                distribution, heatmap);
    }

    private <T> Uni<Optional<T>> optional(String service, Uni<T> call) {
        return call.map(Optional::of).onFailure().recoverWithItem(failure -> {
            LOG.warnf("%s unavailable for a team report: %s", service, failure.toString());
            return Optional.empty();
        });
    }

    private ServiceRoutes.Backend backend(String name) {
        return routes.named(name).orElseThrow(() -> new IllegalStateException(name + " is not configured"));
    }

    private static ApiProblem unavailable(String service) {
        return new ApiProblem(503, "service-unavailable", "Service unavailable",
                service + " is unavailable; try again shortly", List.of());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
