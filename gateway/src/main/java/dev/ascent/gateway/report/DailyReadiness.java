package dev.ascent.gateway.report;

import dev.ascent.gateway.routing.ServiceRoutes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Computes everyone's readiness once a day, so that what changes without anybody looking (evidence
 * ageing, a calibration nobody has read since) still reaches the readiness history: assessment-service
 * records a snapshot for each person whose readiness differs from their latest one. It runs here
 * because only the gateway holds a token evidence-service accepts for a call made for nobody. Pages of
 * {@value #PAGE} people: each costs one people page and one bulk readiness call (a fixed number of
 * statements), never a call per person.
 */
@ApplicationScoped
public class DailyReadiness {

    static final int PAGE = 200;
    private static final Logger LOG = Logger.getLogger(DailyReadiness.class);
    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

    record Person(UUID id) {
    }

    record People(List<Person> items, String nextCursor) {
    }

    record Answered(List<Object> people) {
    }

    private final ServiceReads reads;
    private final ServiceRoutes routes;

    public DailyReadiness(ServiceReads reads, ServiceRoutes routes) {
        this.reads = reads;
        this.routes = routes;
    }

    @Scheduled(identity = "daily-readiness", cron = "${ascent.readiness-snapshots.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int people = run();
            LOG.infof("daily readiness computed for %d people", people);
        } catch (RuntimeException e) {
            // The next run covers everyone again; reads in between still record changes.
            LOG.warnf("daily readiness stopped early: %s", e.toString());
        }
    }

    /** Computes readiness for everyone in the directory, page by page; answers how many people. */
    public int run() {
        ServiceRoutes.Backend assessment = routes.named("assessment-service")
                .orElseThrow(() -> new IllegalStateException("assessment-service is not configured"));
        int total = 0;
        String cursor = null;
        do {
            String uri = "/api/v1/people?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            People page = reads.get(assessment, uri, People.class).await().atMost(CALL_LIMIT);
            List<UUID> ids = page.items() == null ? List.of() : page.items().stream().map(Person::id).toList();
            if (!ids.isEmpty()) {
                reads.post(assessment, "/api/v1/readiness/bulk", new ServiceViews.ReadinessRequest(ids, false),
                        Answered.class).await().atMost(CALL_LIMIT);
                total += ids.size();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return total;
    }
}
