package dev.ascent.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's whole journey in the web app, in headless Chromium against the four packaged services
 * and a real OIDC provider: a deep link sends them to sign in at the provider (authorisation code
 * with PKCE, through the gateway), they land where they were going, read their readiness, log work
 * (a mistake first, which the form explains beside the field), confirm an item a signed GitHub
 * webhook created, watch their plan's progress move, write a check-in, and sign out of Ascent and
 * of the provider. axe-core checks every screen; each screen's picture goes to docs/screenshots.
 */
class MemberJourneyBrowserTest extends BrowserJourney {

    @Test
    void aMemberSignsInAtTheProviderAndWorksOnTheirGrowth() throws Exception {
        String admin = platform.bearer("admin@e2e.example", "admin@e2e.example", "admin");
        String managerId = person(admin, "Morgan Okafor", "morgan@journey.example", "DIRECTOR", null);
        String memberId = person(admin, "Priya Raman", "priya@journey.example", "PM", managerId);
        String manager = platform.bearer("morgan-idp", "morgan@journey.example", "manager");
        String member = platform.bearer("priya-idp", "priya@journey.example", "member");

        // The manager has assessed her; she has a plan generated from the gaps, in progress.
        String cycle = as(manager).body(Map.of("name", "H2 review", "startsOn", LocalDate.now().minusDays(3).toString(),
                        "endsOn", LocalDate.now().plusDays(30).toString(), "participantIds", List.of(memberId)))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String assessment = as(manager).body(Map.of("cycleId", cycle, "subjectId", memberId, "kind", "MANAGER", "ratings",
                        List.of(Map.of("competency", "execution-delivery", "rating", 3),
                                Map.of("competency", "customer-discovery", "rating", 2))))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/assessments/{id}/submit", assessment).then().statusCode(200);
        JsonPath plan = as(member).body(Map.of("personId", memberId, "horizonDays", 90)).post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath();
        as(member).body(Map.of("status", "ACTIVE")).put("/api/v1/plans/{id}/status", plan.getString("id"))
                .then().statusCode(200);
        String firstAction = plan.getString("actions[0].title");
        String wantedKind = plan.getString("actions[0].evidence[0].kind");
        String wantedCompetency = plan.getString("actions[0].evidence[0].competency");
        // an action may ask for work that mentions its tag; the title carries it so the work counts for this action
        String wantedTag = plan.getString("actions[0].evidence[0].tag");

        // GitHub is connected and knows her login.
        JsonPath source = as(admin).body(Map.of("kind", "GITHUB", "name", "journey-org"))
                .post("/api/v1/integrations").then().statusCode(201).extract().jsonPath();
        as(admin).body(Map.of("identityKind", "GITHUB_LOGIN", "externalId", "priya-gh", "personId", memberId))
                .post("/api/v1/integrations/{id}/identity-links", source.getString("id")).then().statusCode(201);

        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900))) {
            Page page = context.newPage();

            // The packaged gateway runs the production profile: no development sign-in there.
            assertThat(context.request().get(platform.gatewayUrl() + "/auth/dev/people").status()).isEqualTo(404);
            assertThat(context.request().get(platform.gatewayUrl() + "/auth/options").text()).contains("\"devSignIn\":false");

            // A deep link, signed out: the app asks her to sign in, and the provider's page is real.
            page.navigate(platform.gatewayUrl() + "/evidence");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            // The provider's subject is the manager's person id; Ascent must go by the email claim.
            String authorisation = oidc.signIn(page, managerId, "priya@journey.example", "member");
            assertThat(authorisation).contains("code_challenge=").contains("code_challenge_method=S256");

            // Back where she was going, as herself.
            page.waitForURL(platform.gatewayUrl() + "/evidence");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Evidence").setLevel(1)))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.BANNER)).containsText("Priya Raman");
            // The browser holds an encrypted session (JWE), never a token it could read or replay as a bearer.
            assertThat(context.cookies(platform.gatewayUrl())).isNotEmpty().allSatisfy(cookie -> {
                assertThat(cookie.httpOnly).as("%s is HttpOnly", cookie.name).isTrue();
                for (String part : cookie.value.split("\\.")) {
                    String decoded = new String(java.util.Base64.getUrlDecoder().decode(part.replace("=", "")),
                            StandardCharsets.ISO_8859_1);
                    assertThat(decoded).as("a part of %s", cookie.name).doesNotContain("priya@journey.example");
                }
            });
            screen(page, "evidence-empty");

            // My growth: her readiness, as the API computes it.
            nav(page, "My growth");
            int readiness = as(member).get("/api/v1/people/{id}/readiness", memberId).then().statusCode(200)
                    .extract().path("readinessPercent");
            assertThat(page.getByLabel("Readiness", new Page.GetByLabelOptions().setExact(true))).containsText(readiness + "%");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Target levelSenior PM");
            screen(page, "my-growth");

            // Her plan before the work: the first action's progress as the page shows it.
            nav(page, "Growth plan");
            Locator progress = page.getByRole(AriaRole.PROGRESSBAR,
                    new Page.GetByRoleOptions().setName("Progress of " + firstAction));
            assertThat(progress).isVisible();
            double progressBefore = Double.parseDouble(progress.getAttribute("value"));

            // She logs work; the first try forgets the title, and the form says so beside the field.
            nav(page, "Evidence");
            String competencyName = as(member).get("/api/v1/frameworks/current").then().statusCode(200).extract()
                    .path("competencies.find { it.code == '" + wantedCompetency + "' }.name");
            Locator form = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Log new work"));
            form.getByLabel("Kind of work").selectOption(wantedKind);
            form.getByLabel("When it happened").fill(LocalDate.now().toString()); // plans count work done since they began
            form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(competencyName)).check();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log evidence")).click();
            assertThat(form.getByLabel("Title")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#" + form.getByLabel("Title").getAttribute("aria-describedby"))).not().isEmpty();
            screen(page, "evidence-problem");
            form.getByLabel("Title").fill("Ran the pricing experiment end to end" + (wantedTag == null ? "" : " (" + wantedTag + ")"));
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log evidence")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Ran the pricing experiment end to end");

            // A merged pull request arrives through the signed webhook; she confirms it.
            String payload;
            try (InputStream in = getClass().getResourceAsStream("/github-pull-request-merged.json")) {
                payload = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${login}", "priya-gh");
            }
            given().contentType(ContentType.JSON)
                    .header("X-GitHub-Event", "pull_request")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + hmac(source.getString("secret"), payload))
                    .body(payload.getBytes(StandardCharsets.UTF_8))
                    .post(source.getString("webhookPath")).then().statusCode(org.hamcrest.Matchers.lessThan(300));
            String suggestedTitle = as(member).queryParam("personId", memberId).queryParam("status", "SUGGESTED")
                    .get("/api/v1/evidence").then().statusCode(200).extract().path("items[0].title");
            page.reload();
            Locator suggested = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName(suggestedTitle));
            assertThat(suggested).containsText("Suggested");
            screen(page, "evidence");
            suggested.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm")).click();
            assertThat(suggested).containsText("Confirmed");
            assertThat(as(member).queryParam("personId", memberId).queryParam("status", "SUGGESTED")
                    .get("/api/v1/evidence").then().statusCode(200).extract().<List<?>>path("items")).isEmpty();

            // The plan: the work she logged counts towards the first action.
            nav(page, "Growth plan");
            assertThat(progress).isVisible();
            assertThat(Double.parseDouble(progress.getAttribute("value"))).as("the first action's progress")
                    .isGreaterThan(progressBefore);
            int planProgress = as(member).get("/api/v1/plans/{id}", plan.getString("id")).then().statusCode(200)
                    .extract().path("progressPercent");
            assertThat(planProgress).isPositive();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText(planProgress + "%");

            // A check-in.
            page.getByLabel("Note").fill("Pricing experiment done; next, the onboarding interviews.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add check-in")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("next, the onboarding interviews");
            screen(page, "growth-plan");

            nav(page, "Self-assessment");
            screen(page, "self-assessment");
            nav(page, "Profile");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("priya@journey.example");
            screen(page, "profile");

            // At 375 px the app is still usable: navigation reachable, no horizontal scroll.
            page.setViewportSize(375, 800);
            nav(page, "My growth");
            assertThat(page.getByLabel("Readiness", new Page.GetByLabelOptions().setExact(true))).isVisible();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll at 375 px").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-growth-375.png")));
            page.setViewportSize(1440, 900);

            // Sign out ends the provider's session too, and the session cookie no longer works.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.endsWith("/signed-out"));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(context.request().get(platform.gatewayUrl() + "/auth/session").status()).isEqualTo(401);
            assertThat(context.request().get(platform.gatewayUrl() + "/api/v1/me/overview").status()).isEqualTo(401);
        }
    }

}
