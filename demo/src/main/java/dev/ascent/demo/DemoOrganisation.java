package dev.ascent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.demo.Cast.Member;
import dev.ascent.demo.Tokens.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.ascent.demo.Api.object;

/**
 * Loads Fernhill, a small living product organisation, through the public API only: people from a
 * CPO down to APMs with their reporting lines and a founder-led team setting, an assessment cycle
 * with self, manager and peer assessments (submitted, some calibrated), evidence from every source
 * (logged by hand, GitHub, Jira and Linear webhooks signed as the tools sign them, and a batch
 * pushed with an integration's API key), evidence confirmed, verified, rejected and some still
 * suggested, and growth plans with progress and check-ins.
 *
 * <p>Every step looks before it writes, so a second run adds nothing (webhooks are redelivered under
 * their first delivery ids, batch events repeat their external ids) and says the demo was already
 * there. Any answer it did not expect stops it with the platform's problem detail.
 */
public final class DemoOrganisation {

    /** A person the demo made, as the API knows them. */
    public record Person(UUID id, String email, String name, String level) {
    }

    /**
     * What is loaded, for the summary and for tests that build on it.
     *
     * @param member                   the featured member: a PM with an active plan in progress
     * @param manager                  her manager
     * @param admin                    the identity the loader used for admin calls (not in the directory)
     * @param memberPlanId             the member's active plan
     * @param pendingWebhookEvidenceId a GitHub pull request of the member's, suggested and waiting for
     *                                 her confirmation; confirming it moves her plan when it matches
     * @param pendingMovesPlan         whether the pending item matches evidence the plan still expects
     * @param created                  how many things this run created (0: it was all there already)
     */
    public record Loaded(String gatewayUrl, Map<String, Person> people, Person member, Person manager, Person cpo,
                         String admin, UUID cycleId, UUID memberPlanId, UUID pendingWebhookEvidenceId,
                         boolean pendingMovesPlan, List<UUID> planIds, int created, int calls, Duration took) {

        public boolean alreadyLoaded() {
            return created == 0;
        }

        public Person person(String email) {
            return people.get(email);
        }
    }

    static final String ADMIN_EMAIL = "people-ops@" + Cast.DOMAIN;
    static final String CYCLE_NAME = Cast.COMPANY + " H2 performance review";
    static final String GITHUB_REPO = "fernhill/storefront";
    static final String JIRA_SITE = "fernhill.atlassian.net";
    // Secrets the demo gives its sources (a source shows a generated one only once): a second run can sign again.
    static final String GITHUB_SECRET = "fernhill-demo-github-webhook-secret";
    static final String JIRA_SECRET = "fernhill-demo-jira-webhook-secret";
    static final String LINEAR_SECRET = "fernhill-demo-linear-webhook-secret";
    static final String API_KEY_NAME = "Call log nightly sync";

    private final Api api;
    private final Tokens tokens;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, String> bearers = new HashMap<>();
    private int created;

    public DemoOrganisation(String gatewayUrl, Tokens tokens) {
        this.api = new Api(gatewayUrl);
        this.tokens = tokens;
    }

    public Loaded load() {
        long start = System.nanoTime();
        JsonNode health = api.get(null, "/api/v1/platform/health", 200, 503);
        if (!"UP".equals(health.path("status").asText())) {
            throw new DemoFailure("the platform is not ready: " + health);
        }
        Map<String, Map<String, Integer>> expectations = expectations();
        createPeople();
        UUID cycle = cycle();
        assessments(cycle, expectations);
        calibrations(cycle);
        logManualEvidence();
        Sources sources = sources();
        deliverWebhooks(sources);
        pushBatch(sources.generic());
        settleSuggestions();
        verifyByManagers();
        Map<String, JsonNode> plans = plans();
        progressAndCheckIns(plans);
        promotionCase();
        String memberPlan = "/api/v1/plans/" + plans.get(Cast.FEATURED_MEMBER).path("id").asText();
        Pending pending = pendingWebhookItem(sources, api.get(as(Cast.FEATURED_MEMBER), memberPlan, 200));
        Map<String, Person> byEmail = new LinkedHashMap<>();
        people.values().forEach(p -> byEmail.put(p.email(), p));
        return new Loaded(api.gateway(), byEmail, person(Cast.FEATURED_MEMBER),
                person(Cast.FEATURED_MANAGER), person(Cast.CPO), ADMIN_EMAIL, cycle,
                UUID.fromString(plans.get(Cast.FEATURED_MEMBER).path("id").asText()), pending.id(), pending.movesPlan(),
                plans.values().stream().map(p -> UUID.fromString(p.path("id").asText())).toList(),
                created, api.calls(), Duration.ofNanos(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------------------------------
    // People, cycle, assessments

    /** The published framework's expectations: level → competency → proficiency expected. */
    private Map<String, Map<String, Integer>> expectations() {
        JsonNode framework = api.get(admin(), "/api/v1/frameworks/current", 200);
        Map<String, Map<String, Integer>> byLevel = new HashMap<>();
        framework.path("expectations").properties().forEach(level -> {
            Map<String, Integer> expected = new LinkedHashMap<>();
            level.getValue().properties().forEach(c -> {
                int proficiency = c.getValue().path("proficiency").asInt();
                if (proficiency > 0) {
                    expected.put(c.getKey(), proficiency);
                }
            });
            byLevel.put(level.getKey(), expected);
        });
        for (Member m : Cast.PEOPLE) {
            if (!byLevel.containsKey(m.level())) {
                throw new DemoFailure("the published framework has no level " + m.level()
                        + "; the demo needs the default framework's levels (APM to CPO)");
            }
        }
        return byLevel;
    }

    private void createPeople() {
        for (Member m : Cast.PEOPLE) {
            JsonNode found = api.get(admin(), "/api/v1/people?email=" + Api.query(m.email()), 200).path("items");
            JsonNode p;
            if (found.isEmpty()) {
                p = api.post(admin(), "/api/v1/people", object("name", m.name(), "email", m.email(), "level", m.level(),
                        "targetLevel", m.targetLevel(), "founderLed", m.founderLed(),
                        "managerId", Cast.manager(m).map(boss -> person(boss.key()).id()).orElse(null)), 201);
                made("person");
            } else {
                p = found.get(0);
            }
            people.put(m.key(), new Person(UUID.fromString(p.path("id").asText()), m.email(), m.name(),
                    p.path("level").asText()));
        }
    }

    /** One review cycle run by the CPO for everyone below her. */
    private UUID cycle() {
        String cpo = as(Cast.CPO);
        for (JsonNode c : api.all(cpo, "/api/v1/cycles?limit=200")) {
            if (CYCLE_NAME.equals(c.path("name").asText())) {
                return UUID.fromString(c.path("id").asText());
            }
        }
        List<UUID> participants = Cast.PEOPLE.stream().filter(m -> m.managerKey() != null)
                .map(m -> person(m.key()).id()).toList();
        JsonNode cycle = api.post(cpo, "/api/v1/cycles", object("name", CYCLE_NAME,
                "startsOn", today.minusDays(45).toString(), "endsOn", today.plusDays(30).toString(),
                "participantIds", participants), 201);
        made("cycle");
        return UUID.fromString(cycle.path("id").asText());
    }

    /** Who reviews whom: a self and a manager assessment for (nearly) everyone, and invited peers for two. */
    private void assessments(UUID cycle, Map<String, Map<String, Integer>> expectations) {
        Map<String, List<String>> peers = Map.of(
                "maya.chen", List.of("oliver.brandt", "grace.whitfield"),
                "noah.fischer", List.of("hannah.schultz", "rafael.costa"));
        // The CPO runs the cycle: a manager sees (and invites in) only cycles whose participants are all below them.
        peers.forEach((subject, invited) -> {
            for (String peer : invited) {
                var answer = api.send("POST", "/api/v1/cycles/" + cycle + "/peer-invitations", as(Cast.CPO),
                        Api.json(object("subjectId", person(subject).id(), "peerId", person(peer).id())), Map.of(),
                        201, 200, 409);
                if (answer.status() == 409 && !answer.body().path("type").asText().endsWith("already-invited")) {
                    throw new DemoFailure("inviting " + peer + " to review " + subject + " answered 409: " + answer.body());
                }
                if (answer.status() != 409) {
                    made("peer invitation");
                }
            }
        });
        int index = 0;
        for (Member m : Cast.PEOPLE) {
            index++;
            if (m.managerKey() == null) {
                continue;
            }
            Map<String, Integer> expected = expectations.get(m.targetLevel() == null ? m.level() : m.targetLevel());
            // Zoe's self-assessment is still a draft; Hannah's manager has not written hers yet.
            assess(cycle, m, m, "SELF", ratings(expected, index, 1), !m.key().equals("zoe.martin"));
            if (!m.key().equals("hannah.schultz")) {
                assess(cycle, m, Cast.manager(m).orElseThrow(), "MANAGER", ratings(expected, index, 0), true);
            }
            for (String peer : peers.getOrDefault(m.key(), List.of())) {
                assess(cycle, m, Cast.member(peer), "PEER", ratings(expected, index + peer.length(), 0), true);
            }
        }
    }

    /**
     * Ratings around what the person's target level expects: some met, some a step short, a few a
     * step beyond; self-ratings lean a little higher, as they do.
     */
    private static List<Map<String, Object>> ratings(Map<String, Integer> expected, int seed, int optimism) {
        int[] offsets = {0, -1, 0, 1, -1, 0, -2};
        List<Map<String, Object>> ratings = new ArrayList<>();
        int c = 0;
        for (var e : expected.entrySet()) {
            int rating = Math.clamp(e.getValue() + offsets[(seed + c++) % offsets.length] + optimism, 1, 5);
            ratings.add(object("competency", e.getKey(), "rating", rating));
        }
        return ratings;
    }

    private void assess(UUID cycle, Member subject, Member assessor, String kind, List<Map<String, Object>> ratings,
                        boolean submit) {
        String bearer = as(assessor.key());
        var answer = api.send("POST", "/api/v1/assessments", bearer, Api.json(object("cycleId", cycle,
                "subjectId", person(subject.key()).id(), "kind", kind, "ratings", ratings)), Map.of(), 201, 409);
        if (answer.status() == 409) {
            return; // written by an earlier run; it submitted what it wrote
        }
        made("assessment");
        if (submit) {
            api.post(bearer, "/api/v1/assessments/" + answer.body().path("id").asText() + "/submit", null, 200);
        }
    }

    /** Managers settle a few ratings after discussing them, with their reasons. */
    private void calibrations(UUID cycle) {
        calibrate(cycle, "priya.raman", "maya.chen", "execution-delivery", 4,
                "Led the checkout rebuild end to end; delivery was steadier than her manager's rating shows");
        calibrate(cycle, "tomas.lindqvist", "noah.fischer", "customer-discovery", 2,
                "Talks to integrators, but rarely turns the conversations into decisions yet");
        calibrate(cycle, "daniel.reyes", "grace.whitfield", "product-strategy", 3,
                "The packaging proposal was the clearest strategy document of the half");
    }

    private void calibrate(UUID cycle, String by, String subject, String competency, int rating, String rationale) {
        String bearer = as(by);
        for (JsonNode c : api.get(bearer, "/api/v1/people/" + person(subject).id() + "/calibrations?limit=200", 200)) {
            if (competency.equals(c.path("competency").asText())) {
                return;
            }
        }
        api.post(bearer, "/api/v1/calibrations", object("subjectId", person(subject).id(), "competency", competency,
                "rating", rating, "rationale", rationale, "cycleId", cycle), 201);
        made("calibration");
    }

    // ------------------------------------------------------------------------------------------
    // Evidence logged by hand

    /** An item someone logs: what, which competencies, and how long ago. */
    private record Work(String kind, List<String> competencies, String title, int daysAgo) {
    }

    private static List<Work> workOf(Member m) {
        String area = m.area();
        List<Work> all = List.of(
                new Work("DELIVERY", List.of("execution-delivery"), "Shipped the redesigned " + area + " flow to every customer", 38),
                new Work("CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery"),
                        "Ran six customer interviews on " + area + " pain points", 72),
                new Work("RELATIONSHIP_BUILT", List.of("cross-team-relationships"),
                        "Started a fortnightly " + area + " sync with the data and support leads", 110),
                new Work("CROSS_FUNCTIONAL_ROTATION", List.of("cross-functional-breadth"),
                        "Two weeks on the support rota to hear " + area + " complaints first-hand", 150),
                new Work("STRATEGIC_RECOMMENDATION", List.of("strategic-communication", "product-strategy"),
                        "Wrote the " + area + " strategy for next year and took it to the leadership review", 55),
                new Work("DECISION_CLARIFIED", List.of("clarity-amid-chaos"),
                        "Settled the " + area + " scope dispute with a one-page decision note", 24),
                new Work("PEOPLE_DEVELOPMENT", List.of("people-leadership"),
                        "Coached a report through their first launch review", 90),
                new Work("LAUNCH_OUTCOME", List.of("business-acumen"),
                        "Measured the " + area + " launch: conversion up 3.1% in eight weeks", 20));
        boolean leader = Set.of("DIRECTOR", "VP", "CPO").contains(m.level()) || Cast.managesSomeone(m);
        return leader ? List.of(all.get(4), all.get(5), all.get(6), all.get(7))
                : List.of(all.get(0), all.get(1), all.get(2), all.get(3));
    }

    private void logManualEvidence() {
        for (Member m : Cast.PEOPLE) {
            for (Work w : workOf(m)) {
                logOnce(m, w.kind(), w.competencies(), w.title(), today.minusDays(w.daysAgo()));
            }
        }
    }

    /** Logs an item by its owner (so it is confirmed), unless one with that title is already there. */
    private Optional<UUID> logOnce(Member m, String kind, List<String> competencies, String title, LocalDate on) {
        String bearer = as(m.key());
        for (JsonNode e : evidenceOf(m, bearer, null)) {
            if (title.equals(e.path("title").asText())) {
                return Optional.empty();
            }
        }
        JsonNode item = api.post(bearer, "/api/v1/evidence", object("personId", person(m.key()).id(), "kind", kind,
                "competencies", competencies, "title", title, "occurredAt", on.toString(),
                "links", List.of("https://docs.fernhill.example/" + m.key() + "/" + on)), 201);
        made("evidence logged");
        return Optional.of(UUID.fromString(item.path("id").asText()));
    }

    private List<JsonNode> evidenceOf(Member m, String bearer, String status) {
        return api.all(bearer, "/api/v1/evidence?limit=100&personId=" + person(m.key()).id()
                + (status == null ? "" : "&status=" + status));
    }

    // ------------------------------------------------------------------------------------------
    // Integrations: GitHub, Jira, Linear webhooks and a generic batch

    private record Sources(UUID github, UUID jira, UUID linear, UUID generic) {
    }

    private Sources sources() {
        Map<String, JsonNode> existing = new HashMap<>();
        for (JsonNode s : api.all(admin(), "/api/v1/integrations?limit=100")) {
            existing.putIfAbsent(s.path("kind").asText() + "|" + s.path("name").asText(), s);
        }
        UUID github = source(existing, "GITHUB", "GitHub: " + GITHUB_REPO, GITHUB_SECRET);
        UUID jira = source(existing, "JIRA", "Jira: " + JIRA_SITE, JIRA_SECRET);
        UUID linear = source(existing, "LINEAR", "Linear: Fernhill platform", LINEAR_SECRET);
        UUID generic = source(existing, "GENERIC", "Customer call log", null);
        for (Member m : Cast.PEOPLE) {
            link(github, "GITHUB_LOGIN", m.githubLogin(), m);
            link(jira, "JIRA_ACCOUNT_ID", m.jiraAccountId(), m);
            link(linear, "LINEAR_USER_ID", m.linearUserId(), m);
            link(generic, "EMAIL", m.email(), m);
        }
        return new Sources(github, jira, linear, generic);
    }

    private UUID source(Map<String, JsonNode> existing, String kind, String name, String secret) {
        JsonNode found = existing.get(kind + "|" + name);
        if (found != null) {
            return UUID.fromString(found.path("id").asText());
        }
        JsonNode source = api.post(admin(), "/api/v1/integrations", object("kind", kind, "name", name, "secret", secret), 201);
        made("integration source");
        return UUID.fromString(source.path("id").asText());
    }

    private void link(UUID source, String identityKind, String externalId, Member m) {
        if (externalId == null) {
            return;
        }
        var answer = api.send("POST", "/api/v1/integrations/" + source + "/identity-links", admin(),
                Api.json(object("identityKind", identityKind, "externalId", externalId, "personId", person(m.key()).id())),
                Map.of(), 201, 200);
        if (answer.status() == 201) {
            made("identity link");
        }
    }

    private void deliverWebhooks(Sources s) {
        String repo = GITHUB_REPO;
        List<Webhooks.Delivery> deliveries = new ArrayList<>(List.of(
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2201", repo, 2201, "mayachen-dev",
                        "Checkout: remember the saved card for returning customers", "Behind the saved-card flag.",
                        List.of("feature"), today.minusDays(26)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2214", repo, 2214, "obrandt",
                        "Search: typo-tolerant matching for product names", "", List.of("feature"), today.minusDays(19)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2230", repo, 2230, "obrandt",
                        "Bump search client dependencies", "Routine upgrade.", List.of("dependencies"), today.minusDays(12)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2236", repo, 2236, "sofiah",
                        "Onboarding: shorter sign-up form", "Drops two optional fields.", List.of("feature"), today.minusDays(9)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2241", repo, 2241, "ethanpark",
                        "Saved searches: email digest for new matches", "", List.of("feature"), today.minusDays(6)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2245", repo, 2245, "nfischer",
                        "API: replace offset paging on /orders with cursors", "Long-standing performance debt.",
                        List.of("tech-debt"), today.minusDays(15)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2250", repo, 2250, "kwatanabe",
                        "Funnel: notes from five customer interviews on abandoned baskets", "",
                        List.of("customer-discovery"), today.minusDays(30)),
                Webhooks.githubPullRequest(GITHUB_SECRET, "pr-2256", repo, 2256, Cast.UNLINKED_GITHUB_LOGIN,
                        "Fix flaky checkout end-to-end test", "", List.of(), today.minusDays(4)),
                Webhooks.githubIssueClosed(GITHUB_SECRET, "issue-918", repo, 918, "abello",
                        "Reporting export times out for large accounts", List.of("incident"), today.minusDays(33)),
                Webhooks.githubRelease(GITHUB_SECRET, "release-2.0", "fernhill/developer-platform", "v2.0.0", "rcosta",
                        "Developer platform 2.0", "Self-serve API keys and webhooks.", today.minusDays(40)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-412", "jira:issue_updated", JIRA_SITE, "GROW-412",
                        "712020:grace-whitfield", "Pricing page v3 with annual plans", "Epic", List.of(), today.minusDays(21)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-431", "jira:issue_updated", JIRA_SITE, "GROW-431",
                        "712020:maya-chen", "Interview: why baskets are abandoned at the delivery step",
                        "Customer Interview", List.of(), today.minusDays(48)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-440", "jira:issue_updated", JIRA_SITE, "GROW-440",
                        "712020:kenji-watanabe", "Present the funnel roadmap to the enterprise customer council", "Task",
                        List.of("customer-facing"), today.minusDays(17)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-447", "jira:issue_updated", JIRA_SITE, "GROW-447",
                        "712020:sofia-haddad", "Welcome checklist for new accounts", "Story", List.of(), today.minusDays(11)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-452", "jira:issue_updated", JIRA_SITE, "GROW-452",
                        "712020:priya-raman", "Growth strategy proposal for next year", "Task", List.of("strategy"),
                        today.minusDays(28)),
                Webhooks.jiraIssue(JIRA_SECRET, "GROW-455", "jira:issue_updated", JIRA_SITE, "GROW-455",
                        "712020:ethan-park", "Saved-search alerts respect quiet hours", "Story", List.of(), today.minusDays(3)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-88", "PLAT-88", "lin-usr-rafael",
                        "Rate limits per API key", List.of(), today.minusDays(25)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-93", "PLAT-93", "lin-usr-aisha",
                        "Postmortem: the reporting outage of the 3rd", List.of("incident"), today.minusDays(31)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-97", "PLAT-97", "lin-usr-noah",
                        "Webhook retries with exponential backoff", List.of(), today.minusDays(14)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-101", "PLAT-101", "lin-usr-hannah",
                        "Invoices in the customer's currency", List.of("customer"), today.minusDays(8)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-104", "PLAT-104", "lin-usr-zoe",
                        "Signing secret rotation for webhooks", List.of(), today.minusDays(5)),
                Webhooks.linearIssueCompleted(LINEAR_SECRET, "PLAT-106", "PLAT-106", "lin-usr-tomas",
                        "Platform strategy: one API for partners", List.of("strategy"), today.minusDays(35))));
        for (Webhooks.Delivery d : deliveries) {
            deliver(s, d);
        }
    }

    /** Posts a delivery to its tool's webhook path: 202 for a new event, 200 for a redelivery. */
    private UUID deliver(Sources s, Webhooks.Delivery d) {
        String path;
        if (d.headers().containsKey("X-GitHub-Event")) {
            path = "/api/v1/webhooks/github/" + s.github();
        } else if (d.headers().containsKey("X-Atlassian-Webhook-Identifier")) {
            path = "/api/v1/webhooks/jira/" + s.jira();
        } else {
            path = "/api/v1/webhooks/linear/" + s.linear();
        }
        var answer = api.send("POST", path, null, d.body(), d.headers(), 202, 200);
        if (answer.status() == 202) {
            made("webhook event");
            if ("IGNORED".equals(answer.body().path("outcome").asText())) {
                throw new DemoFailure("evidence-service ignored a demo delivery to " + path + ": "
                        + answer.body().path("reason").asText());
            }
        }
        return answer.body().hasNonNull("evidenceId") ? UUID.fromString(answer.body().path("evidenceId").asText()) : null;
    }

    /**
     * The call log's nightly export through the batch API, pushed with the integration's own API key
     * (made once; the key is shown only when made). A later run pushes the same events again with an
     * integration token for that source: their external ids were applied, so nothing is added.
     */
    private void pushBatch(UUID source) {
        String authorization = null;
        boolean keyExists = false;
        for (JsonNode key : api.get(admin(), "/api/v1/api-keys?limit=200", 200)) {
            keyExists |= API_KEY_NAME.equals(key.path("name").asText()) && source.toString().equals(key.path("sourceId").asText())
                    && key.path("revokedAt").isNull();
        }
        if (!keyExists) {
            JsonNode key = api.post(admin(), "/api/v1/api-keys", object("sourceId", source.toString(), "name", API_KEY_NAME), 201);
            made("API key");
            authorization = "ApiKey " + key.path("key").asText();
        } else {
            authorization = "Bearer " + tokens.bearer("call-log-sync@" + Cast.DOMAIN, List.of(Role.INTEGRATION),
                    source.toString());
        }
        List<Map<String, Object>> events = new ArrayList<>();
        Object[][] calls = {
                {"maya.chen", "calendar.customer_call_held", "Walked a grocery chain through the new checkout", "customer-facing", 16},
                {"oliver.brandt", "calendar.customer_call_held", "Search relevance review with the outdoor retailer", "customer-facing", 23},
                {"grace.whitfield", "calendar.customer_call_held", "Annual-plan pricing call with three mid-market customers", "sales", 34},
                {"hannah.schultz", "calendar.customer_call_held", "Billing walkthrough for the Nordic reseller", "customer-facing", 12},
                {"noah.fischer", "calendar.customer_call_held", "API onboarding session with a logistics partner", "customer-facing", 27},
                {"daniel.reyes", "calendar.customer_call_held", "Roadmap presentation to the customer advisory board", "roadmap-presentation", 44},
                {"priya.raman", "calendar.customer_call_held", "Quarterly business review with the largest grocery account", "customer", 52},
                {"kenji.watanabe", "calendar.customer_call_held", "Interviews with shoppers who abandoned baskets", "user-research", 7},
                {"sofia.haddad", "calendar.customer_call_held", "Usability test of the new sign-up form", "customer-interview", 10},
                {"aisha.bello", "delivery", "Weekly revenue dashboard delivered to finance", null, 41}};
        for (int i = 0; i < calls.length; i++) {
            Member m = Cast.member((String) calls[i][0]);
            String label = (String) calls[i][3];
            // Calls from the calendar: the default rules file research calls (an interview, a usability
            // test, or labelled as research) as customer discovery and the others as customer-facing work.
            events.add(object("externalId", "call-" + (2001 + i), "type", calls[i][1],
                    "occurredAt", today.minusDays((int) calls[i][4]).toString(), "actorEmail", m.email(),
                    "title", calls[i][2], "labels", label == null ? List.of() : List.of(label),
                    "url", "https://calls.fernhill.example/log/" + (2001 + i)));
        }
        byte[] body = Api.json(events);
        // Dates move with the day the demo runs, so the key names the body: a retry replays, a new body is new.
        String idempotencyKey = "fernhill-call-log-" + Webhooks.hmacHex("idempotency", body).substring(0, 24);
        var answer = api.send("POST", "/api/v1/ingest/" + source + "/events", authorization, body,
                Map.of("Idempotency-Key", idempotencyKey), 202, 200);
        // A replay (same key, same body) repeats the first answer, whose evidence this run did not add.
        boolean replayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        int added = replayed ? 0 : answer.body().path("evidence").asInt();
        if (!answer.body().path("ignored").isMissingNode() && answer.body().path("ignored").asInt() > 0) {
            throw new DemoFailure("the batch API ignored demo events: " + answer.body());
        }
        for (int i = 0; i < added; i++) {
            made("batch event");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Evidence status: owners confirm or reject what the tools suggested; managers verify

    /** Left suggested on purpose, so a manager's team has an item waiting (Jira titles start with the issue key). */
    private static final String LEFT_SUGGESTED = "GROW-455 ";
    private static final Map<String, String> REJECTED = Map.of("Bump search client dependencies",
            "A routine dependency upgrade; nothing I would count as growth");

    private void settleSuggestions() {
        for (Member m : Cast.PEOPLE) {
            String bearer = as(m.key());
            for (JsonNode e : evidenceOf(m, bearer, "SUGGESTED")) {
                String title = e.path("title").asText();
                if (title.startsWith(LEFT_SUGGESTED) || pendingTitle(title)) {
                    continue;
                }
                String id = e.path("id").asText();
                if (REJECTED.containsKey(title)) {
                    api.post(bearer, "/api/v1/evidence/" + id + "/reject", object("reason", REJECTED.get(title)), 200);
                } else {
                    api.post(bearer, "/api/v1/evidence/" + id + "/confirm", null, 200);
                }
                made("suggestion settled");
            }
        }
    }

    /** Each manager verifies the oldest confirmed items of their direct reports (two each). */
    private void verifyByManagers() {
        for (Member m : Cast.PEOPLE) {
            Optional<Member> boss = Cast.manager(m);
            if (boss.isEmpty()) {
                continue;
            }
            List<JsonNode> items = evidenceOf(m, as(boss.get().key()), null);
            if (items.stream().filter(e -> "VERIFIED".equals(e.path("status").asText())).count() >= 2) {
                continue;
            }
            List<JsonNode> confirmed = items.stream().filter(e -> "CONFIRMED".equals(e.path("status").asText()))
                    .sorted((a, b) -> a.path("occurredAt").asText().compareTo(b.path("occurredAt").asText()))
                    .limit(2).toList();
            for (JsonNode e : confirmed) {
                api.post(as(boss.get().key()), "/api/v1/evidence/" + e.path("id").asText() + "/verify", null, 200);
                made("evidence verified");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Growth plans

    private static final List<String> PLANNED = List.of("maya.chen", "oliver.brandt", "sofia.haddad", "noah.fischer");

    /** An active plan for each planned person: the open one if there is one, else a new one. */
    private Map<String, JsonNode> plans() {
        Map<String, JsonNode> plans = new LinkedHashMap<>();
        for (String key : PLANNED) {
            Member m = Cast.member(key);
            String bearer = as(key);
            JsonNode open = null;
            for (JsonNode p : api.all(bearer, "/api/v1/plans?limit=50&personId=" + person(key).id())) {
                String status = p.path("status").asText();
                if (status.equals("DRAFT") || status.equals("ACTIVE")) {
                    open = p;
                }
            }
            JsonNode plan;
            if (open == null) {
                plan = api.post(bearer, "/api/v1/plans", object("personId", person(key).id(), "horizonDays", 90), 201);
                made("plan");
            } else {
                plan = api.get(bearer, "/api/v1/plans/" + open.path("id").asText(), 200);
            }
            if ("DRAFT".equals(plan.path("status").asText())) {
                plan = api.put(bearer, "/api/v1/plans/" + plan.path("id").asText() + "/status",
                        object("status", "ACTIVE"), 200);
                made("plan activated");
            }
            plans.put(m.key(), plan);
        }
        return plans;
    }

    /** Labels that make the default mapping rules suggest each kind, with the competencies they give. */
    private static final Map<String, List<String>> LABEL_FOR_KIND = Map.of(
            "CUSTOMER_DISCOVERY_SESSION", List.of("customer-discovery", "customer-discovery"),
            "UNOWNED_PROBLEM", List.of("tech-debt", "agency-ownership", "platform-mastery"),
            "STRATEGIC_RECOMMENDATION", List.of("strategy", "strategic-communication", "product-strategy"),
            "DELIVERY", List.of("feature", "execution-delivery"));

    private static final String PENDING_PREFIX = "Checkout: ";

    private static boolean pendingTitle(String title) {
        return title.startsWith(PENDING_PREFIX) && title.endsWith("(awaiting confirmation)");
    }

    /**
     * A merged pull request of the featured member's, made after her plan started and of a kind the
     * plan expects (when a default mapping rule can suggest one), left suggested: confirming it is
     * the first thing she does in the app, and her plan's progress moves.
     */
    private record Pending(UUID id, boolean movesPlan) {
    }

    private Pending pendingWebhookItem(Sources s, JsonNode plan) {
        String label = "feature";
        String what = "one-page order summary";
        boolean movesPlan = false;
        outer:
        for (JsonNode action : plan.path("actions")) {
            for (JsonNode expected : action.path("evidence")) {
                List<String> rule = LABEL_FOR_KIND.get(expected.path("kind").asText());
                if (rule != null && rule.subList(1, rule.size()).contains(expected.path("competency").asText())
                        && expected.path("matched").asInt() < expected.path("count").asInt()) {
                    label = rule.getFirst();
                    movesPlan = true;
                    what = switch (label) {
                        case "customer-discovery" -> "findings from shopper interviews on delivery slots";
                        case "tech-debt" -> "retire the legacy payment adapter nobody owned";
                        case "strategy" -> "checkout strategy proposal for next year";
                        default -> "one-page order summary";
                    };
                    String tag = expected.path("tag").asText("");
                    what = tag.isEmpty() ? what : what + " [" + tag + "]"; // the action counts work naming its tag
                    break outer;
                }
            }
        }
        String title = PENDING_PREFIX + what + " (awaiting confirmation)";
        Member maya = Cast.member(Cast.FEATURED_MEMBER);
        deliver(s, Webhooks.githubPullRequest(GITHUB_SECRET, "pending-" + plan.path("id").asText(), GITHUB_REPO, 2262,
                maya.githubLogin(), title, "Merged this morning.", List.of(label), today));
        for (JsonNode e : evidenceOf(maya, as(maya.key()), "SUGGESTED")) {
            if (pendingTitle(e.path("title").asText())) {
                return new Pending(UUID.fromString(e.path("id").asText()), movesPlan);
            }
        }
        throw new DemoFailure("the featured member's pending pull request did not become suggested evidence");
    }

    /**
     * Work each planned person has done since their plan started (so its progress is above zero), a
     * check-in from them and, for the featured member, one from her manager.
     */
    private void progressAndCheckIns(Map<String, JsonNode> plans) {
        plans.forEach((key, plan) -> {
            Member m = Cast.member(key);
            JsonNode first = plan.path("actions").path(0).path("evidence").path(0);
            if (!first.isMissingNode()) {
                // an action that asks for its tag counts only work that names it
                String tag = first.path("tag").asText("");
                logOnce(m, first.path("kind").asText(), List.of(first.path("competency").asText()),
                        planWorkTitle(first.path("kind").asText(), m.area()) + (tag.isEmpty() ? "" : " (" + tag + ")"),
                        today);
            }
            String planPath = "/api/v1/plans/" + plan.path("id").asText();
            if (api.get(as(key), planPath + "/check-ins?limit=10", 200).path("items").isEmpty()) {
                api.post(as(key), planPath + "/check-ins", object("note", "Started with \""
                        + plan.path("actions").path(0).path("title").asText("the first action")
                        + "\" and finished it; the next one needs time with my manager."), 201);
                made("check-in");
                if (key.equals(Cast.FEATURED_MEMBER)) {
                    api.post(as(Cast.FEATURED_MANAGER), planPath + "/check-ins", object("note",
                            "Good start. Bring the interview notes to our next one-to-one and we will pick the launch to own."),
                            201);
                    made("check-in");
                }
            }
        });
    }

    /**
     * The featured member's manager has opened her promotion case (it assembles itself from the record)
     * and written the manager's narrative; hers is left for her to write. Only when she has no undecided case.
     */
    private void promotionCase() {
        UUID maya = person(Cast.FEATURED_MEMBER).id();
        String manager = as(Cast.FEATURED_MANAGER);
        for (JsonNode c : api.get(manager, "/api/v1/promotion-cases?personId=" + maya, 200).path("items")) {
            if (!"DECIDED".equals(c.path("status").asText())) {
                return;
            }
        }
        JsonNode opened = api.post(manager, "/api/v1/promotion-cases", object("personId", maya.toString()), 201);
        made("promotion case");
        api.put(manager, "/api/v1/promotion-cases/" + opened.path("id").asText() + "/narrative", object(
                "whatIDid", "Ran discovery for checkout end to end: interviews, the synthesis and the decision memo.",
                "impact", "The reorder flow it led to is our best-converting launch this half.",
                "whatNext", "Give her the payments area, where the same discipline is missing."), 200);
    }

    private static String planWorkTitle(String kind, String area) {
        return switch (kind) {
            case "DELIVERY" -> "Shipped the first " + area + " milestone of my plan";
            case "CUSTOMER_DISCOVERY_SESSION" -> "Interviewed four customers about " + area + " for my plan";
            case "UNOWNED_PROBLEM" -> "Took on the " + area + " alerting nobody owned";
            case "CROSS_FUNCTIONAL_ROTATION" -> "Spent a week with the " + area + " engineers on call";
            case "CUSTOMER_FACING_SESSION" -> "Presented the " + area + " roadmap to a customer";
            case "RELATIONSHIP_BUILT" -> "Set up a standing " + area + " review with finance";
            case "STRATEGIC_RECOMMENDATION" -> "Recommended where " + area + " should go next quarter";
            case "DECISION_CLARIFIED" -> "Wrote down the " + area + " decision everyone kept reopening";
            case "LAUNCH_OUTCOME" -> "Reported the results of the " + area + " launch";
            case "PEOPLE_DEVELOPMENT" -> "Mentored a new APM on " + area;
            default -> "Finished the first piece of work my plan asked for on " + area;
        };
    }

    /** Counts what this run created; {@code ASCENT_DEMO_VERBOSE=1} names each. */
    private void made(String what) {
        created++;
        if (VERBOSE) {
            System.out.println("  created: " + what);
        }
    }

    private static final boolean VERBOSE = "1".equals(System.getenv("ASCENT_DEMO_VERBOSE"));

    // ------------------------------------------------------------------------------------------
    // Identities

    private Person person(String key) {
        Person p = people.get(key);
        if (p == null) {
            throw new IllegalStateException(key + " is not created yet");
        }
        return p;
    }

    /** The loader's admin: not anyone in the directory, so no person lookup is ever cached for them. */
    private String admin() {
        return bearers.computeIfAbsent("admin", k -> "Bearer " + tokens.bearer(ADMIN_EMAIL, List.of(Role.ADMIN), null));
    }

    /** A person's own token: managers sign in as managers, everyone else as members. */
    private String as(String key) {
        Member m = Cast.member(key);
        return bearers.computeIfAbsent(key, k -> "Bearer " + tokens.bearer(m.email(),
                List.of(Cast.managesSomeone(m) ? Role.MANAGER : Role.MEMBER), null));
    }

    // ------------------------------------------------------------------------------------------
    // Command line

    /**
     * {@code DemoOrganisation [--gateway URL] [--key PEM]}; defaults from {@code ASCENT_DEMO_GATEWAY}
     * (else http://localhost:8080) and {@code ASCENT_DEMO_DEV_KEY} (else .ascent/keys/dev-private.pem).
     */
    public static void main(String[] args) {
        String gateway = env("ASCENT_DEMO_GATEWAY", "http://localhost:8080");
        String key = env("ASCENT_DEMO_DEV_KEY", ".ascent/keys/dev-private.pem");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = value(args, ++i);
                case "--key" -> key = value(args, ++i);
                default -> {
                    System.err.println("usage: DemoOrganisation [--gateway URL] [--key DEV_PRIVATE_PEM]");
                    System.exit(2);
                }
            }
        }
        try {
            if (!Files.isReadable(Path.of(key))) {
                throw new DemoFailure("no development signing key at " + key + " (./ascent up makes one)");
            }
            DemoOrganisation demo = new DemoOrganisation(gateway, DevKeyTokens.fromPem(Path.of(key)));
            Loaded loaded = demo.load();
            System.out.print(DemoSummary.text(loaded, demo.figures(loaded)));
        } catch (DemoFailure e) {
            System.err.println("demo: failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println(args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** What the organisation looks like now, read back through the API as its admin. */
    public record Figures(int people, int evidence, Map<String, Integer> evidenceBySource,
                          Map<String, Integer> evidenceByStatus, int unmatchedEvents,
                          Map<String, Integer> readinessPercent, Map<String, Integer> planProgressPercent,
                          int assessmentsSubmitted) {
    }

    public Figures figures(Loaded loaded) {
        List<JsonNode> evidence = new ArrayList<>();
        Map<String, Integer> readiness = new LinkedHashMap<>();
        int assessments = 0;
        for (Person p : loaded.people().values()) {
            evidence.addAll(api.all(admin(), "/api/v1/evidence?limit=100&personId=" + p.id()));
            assessments += api.get(admin(), "/api/v1/people/" + p.id() + "/assessments?limit=200", 200).size();
            if (!p.level().equals("CPO")) {
                readiness.put(p.email(), api.get(admin(), "/api/v1/people/" + p.id() + "/readiness", 200)
                        .path("readinessPercent").asInt());
            }
        }
        Map<String, Integer> progress = new LinkedHashMap<>();
        for (UUID plan : loaded.planIds()) {
            JsonNode p = api.get(admin(), "/api/v1/plans/" + plan, 200);
            progress.put(people.values().stream().filter(x -> x.id().toString().equals(p.path("personId").asText()))
                    .findFirst().map(Person::email).orElse(p.path("personId").asText()), p.path("progressPercent").asInt());
        }
        int unmatched = 0;
        for (JsonNode s : api.all(admin(), "/api/v1/integrations?limit=100")) {
            if (s.path("name").asText().startsWith("GitHub: " + GITHUB_REPO)) {
                unmatched += api.all(admin(), "/api/v1/integrations/" + s.path("id").asText() + "/unmatched?limit=100").size();
            }
        }
        return new Figures(loaded.people().size(), evidence.size(), tally(evidence, "source"), tally(evidence, "status"),
                unmatched, readiness, progress, assessments);
    }

    private static Map<String, Integer> tally(List<JsonNode> items, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(e -> counts.merge(e.path(field).asText(), 1, Integer::sum));
        return counts;
    }
}
