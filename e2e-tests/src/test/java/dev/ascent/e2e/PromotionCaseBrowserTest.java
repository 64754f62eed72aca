package dev.ascent.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promotion story in the web app, against the four packaged services, a real OIDC provider and
 * Chromium: a manager opens a case for a report who is ready; the manager and the report each write
 * their narrative; the report submits; the manager invites the VP above, who comments and decides
 * <em>promoted</em>; the report's level moves in the directory and the plan for the next level
 * begins in growth-plan-service; the PDF is downloaded and read back. A second case is decided
 * <em>not yet</em> and lists the gaps. axe-core checks each screen; pictures go to
 * docs/screenshots/promotion-*.png.
 */
class PromotionCaseBrowserTest extends BrowserJourney {

    /** What Senior PM expects of each competency: rated exactly so, the next level (Principal) still has gaps. */
    private static Map<String, Integer> seniorExpectations(String bearer) {
        JsonPath framework = as(bearer).get("/api/v1/frameworks/current").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Map<String, Object>> senior = framework.getMap("expectations.SENIOR_PM");
        senior.forEach((code, e) -> expected.put(code, ((Number) e.get("proficiency")).intValue()));
        return expected;
    }

    private static void assessed(String manager, String cycle, String subject, Map<String, Integer> ratings) {
        List<Map<String, Object>> list = new ArrayList<>();
        ratings.forEach((c, r) -> list.add(Map.of("competency", c, "rating", r)));
        String id = as(manager).body(Map.of("cycleId", cycle, "subjectId", subject, "kind", "MANAGER", "ratings", list))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
    }

    /** Four verified items behind every competency (an item names at most 14, so two sets). */
    private static void verifiedEvidence(String member, String manager, String personId, List<String> competencies) {
        List<List<String>> halves = List.of(competencies.subList(0, competencies.size() / 2),
                competencies.subList(competencies.size() / 2, competencies.size()));
        for (int i = 0; i < 4; i++) {
            for (int h = 0; h < 2; h++) {
                String id = as(member).body(Map.of("personId", personId, "kind", "DELIVERY",
                                "title", "Launch review " + (i + 1) + (h == 0 ? "a" : "b"), "competencies", halves.get(h),
                                "occurredAt", LocalDate.now().minusDays(10 + i).toString(),
                                "links", List.of("https://docs.example.com/launch-" + (i + 1) + (h == 0 ? "a" : "b"))))
                        .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
                as(manager).post("/api/v1/evidence/{id}/verify", id).then().statusCode(200);
            }
        }
    }

    private static void signIn(Page page, String path, String subject, String email, String role) {
        page.navigate(platform.gatewayUrl() + path);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        oidc.signIn(page, subject, email, role);
        page.waitForURL(platform.gatewayUrl() + path);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void narrative(Page page, String did, String impact, String next, String save) {
        page.getByLabel(Pattern.compile("^What did (you|they) do\\?")).fill(did);
        page.getByLabel(Pattern.compile("^What (changed because of it|was its impact)\\?")).fill(impact);
        page.getByLabel(Pattern.compile("^What should we do next")).fill(next);
        button(page, save).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Narrative saved.")))
                .isVisible();
    }

    @Test
    void aReadyReportIsPromotedFromTheRecordAndANotYetCaseListsTheGaps() throws Exception {
        String admin = platform.bearer("admin@e2e.example", "admin@e2e.example", "admin");
        String vpId = person(admin, "Vera Lindqvist", "vera@promo.example", "VP", null);
        String managerId = person(admin, "Morgan Okafor", "morgan@promo.example", "DIRECTOR", vpId);
        String priyaId = person(admin, "Priya Raman", "priya@promo.example", "PM", managerId);
        String samId = person(admin, "Sam Castillo", "sam@promo.example", "PM", managerId);
        String vp = platform.bearer("vera-idp", "vera@promo.example", "manager");
        String manager = platform.bearer("morgan-idp", "morgan@promo.example", "manager");
        String priya = platform.bearer("priya-idp", "priya@promo.example", "member");
        String sam = platform.bearer("sam-idp", "sam@promo.example", "member");

        Map<String, Integer> senior = seniorExpectations(manager);
        String cycle = as(manager).body(Map.of("name", "Promotion round", "startsOn", LocalDate.now().minusDays(7).toString(),
                        "endsOn", LocalDate.now().plusDays(21).toString(), "participantIds", List.of(priyaId, samId)))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        assessed(manager, cycle, priyaId, senior);
        Map<String, Integer> lower = new LinkedHashMap<>();
        senior.forEach((c, r) -> lower.put(c, Math.max(1, r - 1)));
        assessed(manager, cycle, samId, lower);
        verifiedEvidence(priya, manager, priyaId, new ArrayList<>(senior.keySet()));
        as(priya).get("/api/v1/people/{id}/readiness", priyaId).then().statusCode(200)
                .body("targetLevel", org.hamcrest.Matchers.equalTo("SENIOR_PM"))
                .body("status", org.hamcrest.Matchers.equalTo("READY"));

        try (BrowserContext managerContext = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
             BrowserContext priyaContext = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
             BrowserContext vpContext = chromium.browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(1440, 900).setAcceptDownloads(true))) {
            // The talent pool: Priya is ready now for Senior PM; Sam's ratings run ahead of his evidence where
            // Senior PM expects the least (business vision, rated 1 with no evidence): one "opinion only".
            Page morganPage = managerContext.newPage();
            signIn(morganPage, "/team/talent", "morgan-idp", "morgan@promo.example", "manager");
            assertThat(heading(morganPage, "Talent pool")).isVisible();
            Locator readyNow = morganPage.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ready now for Senior PM"));
            assertThat(readyNow.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^Priya Raman"))))
                    .containsText("100%");
            assertThat(morganPage.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Senior PM").setExact(true)))
                    .containsText("⚑ 1 opinion only");
            screen(morganPage, "manager-talent-pool");
            // the same signal in the team heatmap and on Sam's calibration screen
            nav(morganPage, "Team");
            assertThat(morganPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Calibration signals")))
                    .containsText("⚑ 1 × Opinion only");
            morganPage.navigate(platform.gatewayUrl() + "/team/people/" + samId + "/assess");
            assertThat(morganPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Where ratings and evidence disagree")))
                    .containsText("Opinion only: Business vision");

            // The manager opens the case from Priya's page; it assembles itself from the record.
            morganPage.navigate(platform.gatewayUrl() + "/team/people/" + priyaId);
            button(morganPage, "Open a promotion case for Priya Raman").click();
            assertThat(heading(morganPage, "Promotion case: Priya Raman")).isVisible();
            String caseUrl = morganPage.url();
            String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
            Locator record = morganPage.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                    .setName("Each competency the target level expects, with the ratings and the evidence that counted"));
            assertThat(record.getByRole(AriaRole.ROW)).hasCount(senior.size() + 1);
            assertThat(record).containsText("https://docs.example.com/launch-1a");
            assertThat(record).containsText("verified by Morgan Okafor");
            assertThat(morganPage.getByText(Pattern.compile("100% ready for Senior PM \\(Ready\\)"))).isVisible();
            narrative(morganPage, "Ran the pricing launch end to end", "Conversion up 9% in a quarter",
                    "Give her the platform area", "Save the manager's narrative");
            morganPage.evaluate("window.scrollTo(0, 0)"); // the picture shows the case from its top
            screen(morganPage, "promotion-case-draft");

            // Priya finds it under Promotion, writes her narrative and submits.
            Page priyaPage = priyaContext.newPage();
            signIn(priyaPage, "/promotion", "priya-idp", "priya@promo.example", "member");
            priyaPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Priya Raman")).click();
            assertThat(heading(priyaPage, "Promotion case: Priya Raman")).isVisible();
            narrative(priyaPage, "Led discovery for pricing: 14 interviews", "Churn fell by a third",
                    "Own the platform roadmap", "Save my narrative");
            button(priyaPage, "Submit the case").click();
            assertThat(priyaPage.getByText("Submitted for review.")).isVisible();

            // The manager invites the VP above as reviewer: the case is in review.
            morganPage.reload();
            morganPage.getByLabel("Invite a reviewer").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Vera Lindqvist"));
            button(morganPage, "Invite").click();
            assertThat(morganPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Reviewers")))
                    .containsText("Vera Lindqvist, invited by Morgan Okafor");
            assertThat(morganPage.getByText("In review").first()).isVisible();

            // The VP comments, then decides: promoted.
            Page veraPage = vpContext.newPage();
            signIn(veraPage, "/promotion/" + caseId, "vera-idp", "vera@promo.example", "manager");
            veraPage.getByLabel("Your comment").fill("The evidence covers every expectation; the narratives agree.");
            button(veraPage, "Add comment").click();
            assertThat(veraPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Comments")))
                    .containsText("The evidence covers every expectation");
            veraPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review")).scrollIntoViewIfNeeded();
            screen(veraPage, "promotion-case-review");
            veraPage.getByLabel("Rationale").fill("Operates at Senior PM across discovery, delivery and influence.");
            button(veraPage, "Record the decision").click();
            assertThat(veraPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Decision: promoted")))
                    .isVisible();
            assertThat(veraPage.getByText("The plan for the next level has begun")).isVisible();

            // The directory moved Priya, and her plan for Principal PM began, active.
            as(admin).get("/api/v1/people/{id}", priyaId).then().statusCode(200)
                    .body("level", org.hamcrest.Matchers.equalTo("SENIOR_PM"))
                    .body("targetLevel", org.hamcrest.Matchers.equalTo("PRINCIPAL_PM"));
            List<Map<String, Object>> plans = as(priya).queryParam("personId", priyaId).get("/api/v1/plans")
                    .then().statusCode(200).extract().path("items");
            Map<String, Object> newest = plans.getLast();
            assertThat(newest.get("targetLevel")).isEqualTo("PRINCIPAL_PM");
            assertThat(newest.get("status")).isEqualTo("ACTIVE");

            // The PDF carries the case and its evidence links.
            Download download = veraPage.waitForDownload(() -> veraPage.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download PDF")).click());
            try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("Promotion case: Priya Raman, PM to SENIOR_PM", "Decision: promoted",
                        "https://docs.example.com/launch-1a", "https://docs.example.com/launch-4b",
                        "Led discovery for pricing: 14 interviews", "The evidence covers every expectation");
            }

            // Sam's case goes to review through the API; the VP decides "not yet" with the gaps preselected.
            String samCase = as(manager).body(Map.of("personId", samId)).post("/api/v1/promotion-cases")
                    .then().statusCode(201).extract().path("id");
            Map<String, String> text = Map.of("whatIDid", "Shipped onboarding", "impact", "Activation up", "whatNext", "More scope");
            as(sam).body(text).put("/api/v1/promotion-cases/{id}/narrative", samCase).then().statusCode(200);
            as(manager).body(text).put("/api/v1/promotion-cases/{id}/narrative", samCase).then().statusCode(200);
            as(sam).post("/api/v1/promotion-cases/{id}/submit", samCase).then().statusCode(200);
            as(manager).body(Map.of("reviewerId", vpId)).post("/api/v1/promotion-cases/{id}/reviewers", samCase)
                    .then().statusCode(200);
            veraPage.navigate(platform.gatewayUrl() + "/promotion/" + samCase);
            assertThat(heading(veraPage, "Promotion case: Sam Castillo")).isVisible();
            veraPage.getByLabel("Not yet").check();
            veraPage.getByLabel("Rationale").fill("Ratings sit a level below Senior PM; evidence is thin on discovery.");
            assertThat(veraPage.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Customer discovery")))).isChecked();
            button(veraPage, "Record the decision").click();
            assertThat(veraPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Decision: not yet")))
                    .isVisible();
            assertThat(veraPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Gaps to close")))
                    .containsText("Customer discovery");
            screen(veraPage, "promotion-case-not-yet");
            as(admin).get("/api/v1/people/{id}", samId).then().statusCode(200)
                    .body("level", org.hamcrest.Matchers.equalTo("PM"));
        }
    }
}
