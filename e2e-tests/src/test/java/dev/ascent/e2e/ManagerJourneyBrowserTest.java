package dev.ascent.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's journey in the web app, in headless Chromium against the four packaged services and a
 * real OIDC provider: the team's readiness and heatmap, a drill-down to one report, a cycle started
 * and a peer invited, the manager's assessment beside the report's self-assessment (a disagreement
 * of two points or more is written out), a calibration with its rationale, the verify queue (one
 * verified, one rejected with a reason) and both CSV downloads, read back. axe-core checks every
 * screen; pictures go to docs/screenshots/manager-*.png.
 */
class ManagerJourneyBrowserTest extends BrowserJourney {

    private static String evidence(String bearer, String personId, String title) {
        String id = as(bearer).body(Map.of("personId", personId, "kind", "DELIVERY", "title", title,
                        "competencies", List.of("execution-delivery"), "occurredAt", LocalDate.now().toString()))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        assertThat(as(bearer).get("/api/v1/evidence/{id}", id).then().statusCode(200).extract().<String>path("status"))
                .as("work logged by hand waits for its manager").isEqualTo("CONFIRMED");
        return id;
    }

    @Test
    void aManagerReadsTheTeamAssessesCalibratesVerifiesRunsACycleAndDownloadsTheReport() throws Exception {
        String admin = platform.bearer("admin@e2e.example", "admin@e2e.example", "admin");
        String managerId = person(admin, "Morgan Okafor", "morgan@team.example", "DIRECTOR", null);
        String priyaId = person(admin, "Priya Raman", "priya@team.example", "PM", managerId);
        String samId = person(admin, "Sam Castillo", "sam@team.example", "PM", managerId);
        person(admin, "Lee Novak", "lee@team.example", "APM", priyaId);
        String manager = platform.bearer("morgan-idp", "morgan@team.example", "manager");
        String priya = platform.bearer("priya-idp", "priya@team.example", "member");
        String sam = platform.bearer("sam-idp", "sam@team.example", "member");
        String pricing = evidence(priya, priyaId, "Shipped the pricing page");
        String onboarding = evidence(priya, priyaId, "Rewrote onboarding emails");
        String delivery = as(manager).get("/api/v1/frameworks/current").then().statusCode(200).extract()
                .path("competencies.find { it.code == 'execution-delivery' }.name");

        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900).setAcceptDownloads(true))) {
            Page page = context.newPage();

            // Sign in at the provider as the manager; the manager's section is in the navigation.
            page.navigate(platform.gatewayUrl() + "/team");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            oidc.signIn(page, "morgan-idp", "morgan@team.example", "manager");
            page.waitForURL(platform.gatewayUrl() + "/team");

            // Team: the distribution as a chart and a table, and the heatmap with a value in every cell.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team").setLevel(1))).isVisible();
            Locator heatmap = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                    .setName("People × competencies against each person's target"));
            assertThat(heatmap.getByRole(AriaRole.ROW)).hasCount(3); // header and two direct reports
            int priyaReadiness = as(manager).get("/api/v1/people/{id}/readiness", priyaId).then().statusCode(200)
                    .extract().path("readinessPercent");
            Locator priyaRow = heatmap.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^Priya Raman")));
            assertThat(priyaRow).containsText(priyaReadiness + "%");
            assertThat(priyaRow.getByRole(AriaRole.CELL).last()).not().isEmpty();
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("Not ready: \\d+")))).isVisible();
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Readiness distribution as a table")))
                    .containsText("Not ready");
            // everyone in the line, then a filter by level
            page.getByLabel("People", new Page.GetByLabelOptions().setExact(true)).selectOption("all");
            assertThat(heatmap.getByRole(AriaRole.ROW)).hasCount(4);
            page.getByLabel("Level", new Page.GetByLabelOptions().setExact(true)).selectOption("APM");
            assertThat(heatmap.getByRole(AriaRole.ROW)).hasCount(2);
            assertThat(heatmap).containsText("Lee Novak");
            page.getByLabel("Level", new Page.GetByLabelOptions().setExact(true)).selectOption("");
            screen(page, "manager-team");

            // Both CSVs, downloaded with the session and read back.
            String people = download(page, "Download report (CSV)");
            assertThat(people.lines().findFirst().orElseThrow()).startsWith("person_id,name,email");
            assertThat(people).contains("Priya Raman").contains("Lee Novak").contains(String.valueOf(priyaReadiness));
            String heatmapCsv = download(page, "Download heatmap (CSV)");
            assertThat(heatmapCsv.lines().findFirst().orElseThrow()).startsWith("competency,team_average");
            assertThat(heatmapCsv).contains("execution-delivery");

            // Cycles: start one for two people in the line, invite a peer, follow completion.
            nav(page, "Cycles");
            page.getByLabel("Name").fill("Q3 review");
            page.getByLabel("Starts on").fill(LocalDate.now().minusDays(1).toString());
            page.getByLabel("Ends on").fill(LocalDate.now().plusDays(30).toString());
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Priya Raman"))).check();
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Sam Castillo"))).check();
            screen(page, "manager-cycles");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start cycle")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Q3 review").setLevel(1))).isVisible();
            String cycleId = page.url().replaceAll(".*/team/cycles/", "");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("0 of 2 complete");
            page.getByLabel("Participant", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Priya Raman"));
            page.getByLabel("Peer", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sam Castillo"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite peer")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Sam Castillo is invited to assess Priya Raman");
            Locator completion = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Completion per participant"));
            assertThat(completion.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^Priya Raman"))))
                    .containsText("0 of 1 submitted");

            // Priya rates herself low on delivery and her peer rates her too (through the API, as they would).
            String self = as(priya).body(Map.of("cycleId", cycleId, "subjectId", priyaId, "kind", "SELF", "ratings",
                            List.of(Map.of("competency", "execution-delivery", "rating", 1),
                                    Map.of("competency", "customer-discovery", "rating", 3))))
                    .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
            as(priya).post("/api/v1/assessments/{id}/submit", self).then().statusCode(200);
            String peer = as(sam).body(Map.of("cycleId", cycleId, "subjectId", priyaId, "kind", "PEER", "ratings",
                            List.of(Map.of("competency", "execution-delivery", "rating", 3))))
                    .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
            as(sam).post("/api/v1/assessments/{id}/submit", peer).then().statusCode(200);
            page.reload();
            assertThat(completion.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^Priya Raman"))))
                    .containsText("1 of 1 submitted");
            screen(page, "manager-cycle");

            // Drill down from the team to Priya: her growth, plan and evidence, as My growth shows them.
            nav(page, "Team");
            heatmap.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Priya Raman")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Priya Raman").setLevel(1))).isVisible();
            int readinessNow = as(manager).get("/api/v1/people/{id}/readiness", priyaId).then().statusCode(200)
                    .extract().path("readinessPercent");
            assertThat(page.getByLabel("Readiness", new Page.GetByLabelOptions().setExact(true))).containsText(readinessNow + "%");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Shipped the pricing page");
            screen(page, "manager-report");

            // Assess beside the self-assessment: four against her one is a disagreement, written out.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Assess Priya Raman")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Assess Priya Raman").setLevel(1))).isVisible();
            page.getByLabel("Your rating of " + delivery).selectOption("4");
            Locator deliveryRow = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                            .setName("Your ratings beside the self-assessment and the peers' average"))
                    .getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(delivery));
            assertThat(deliveryRow).containsText("Disagreement: 3 points");
            assertThat(deliveryRow).containsText("3 (1 peer)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit assessment")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your assessment is submitted.");
            List<Map<String, Object>> assessments = as(manager).get("/api/v1/people/{id}/assessments", priyaId)
                    .then().statusCode(200).extract().path("findAll { it.kind == 'MANAGER' }");
            assertThat(assessments).singleElement().satisfies(a -> assertThat(a.get("status")).isEqualTo("SUBMITTED"));

            // Calibrate: without a rationale the form says so beside the field; then with one, kept in the history.
            Locator calibrate = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Calibrate a rating"));
            calibrate.getByLabel("Competency").selectOption("execution-delivery");
            calibrate.getByLabel("Calibrated rating").selectOption("3");
            calibrate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calibrate")).click();
            assertThat(calibrate.getByLabel("Rationale")).hasAttribute("aria-invalid", "true");
            calibrate.getByLabel("Rationale").fill("Delivery lands on time; the self-rating undersells it, peers agree on 3.");
            calibrate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calibrate")).click();
            Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Calibration history, newest first"));
            assertThat(history).containsText("the self-rating undersells it");
            assertThat(as(manager).get("/api/v1/people/{id}/calibrations", priyaId).then().statusCode(200).extract()
                    .<Integer>path("[0].rating")).isEqualTo(3);
            screen(page, "manager-assess");

            // Verify queue: one verified on its own, the other rejected with a reason.
            nav(page, "Verify evidence");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Rewrote onboarding emails");
            screen(page, "manager-verify");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify Shipped the pricing page")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Verified:")))
                    .containsText("Shipped the pricing page");
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Rewrote onboarding emails")).check();
            page.getByLabel("Reason for rejecting").fill("These emails were written by the lifecycle team.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject selected")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Nothing is waiting for verification.");
            assertThat(as(manager).get("/api/v1/evidence/{id}", pricing).then().statusCode(200).extract().<String>path("status"))
                    .isEqualTo("VERIFIED");
            assertThat(as(manager).get("/api/v1/evidence/{id}", onboarding).then().statusCode(200).extract().<String>path("status"))
                    .isEqualTo("REJECTED");
            assertThat(as(manager).get("/api/v1/evidence/{id}/history", onboarding).then().statusCode(200).extract()
                    .<List<String>>path("reason")).contains("These emails were written by the lifecycle team.");

            // The cycle shows the manager's assessment done.
            page.navigate(platform.gatewayUrl() + "/team/cycles/" + cycleId);
            assertThat(completion.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^Priya Raman"))))
                    .containsText("Complete");

            // At 375 px the team page is usable without scrolling the page sideways (the table scrolls in its region).
            page.setViewportSize(375, 800);
            nav(page, "Team");
            assertThat(heatmap).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("manager-team-375.png")));
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll at 375 px; too wide: %s", page.evaluate("() => [...document.querySelectorAll('main *')]"
                            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))"
                            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join(', ')"))
                    .isTrue();
        }
    }

    private static String download(Page page, String button) throws Exception {
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click());
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }

}
