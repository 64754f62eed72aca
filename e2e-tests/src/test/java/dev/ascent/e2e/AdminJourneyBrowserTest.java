package dev.ascent.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's journey in the web app, in headless Chromium against the four packaged services and a
 * real OIDC provider: add people and a reporting line (a mistake first, explained beside the field),
 * move someone to another manager and see the tree follow; import a framework, see how it differs
 * from the current one and publish it; register a GitHub source, whose secret the screen shows once,
 * send a delivery signed with that secret and see it wait in the unmatched queue, then resolve it to
 * a person; try the mapping rules on a sample payload; create and revoke an API key. axe-core checks
 * every screen; each screen's picture goes to docs/screenshots/admin-*.png.
 */
class AdminJourneyBrowserTest extends BrowserJourney {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String personId(String admin, String email) {
        return as(admin).queryParam("email", email).get("/api/v1/people").then().statusCode(200)
                .extract().path("items[0].id");
    }

    @Test
    void anAdminSetsUpPeopleAFrameworkAndAGitHubSource() throws Exception {
        String admin = platform.bearer("admin-api", "admin-api@e2e.example", "admin");

        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900))) {
            Page page = context.newPage();

            // Signed in at the provider as an admin, who is nobody in the directory: the admin screens still open.
            page.navigate(platform.gatewayUrl() + "/admin/people");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            oidc.signIn(page, "admin-idp", "root@admin.example", "admin");
            page.waitForURL(platform.gatewayUrl() + "/admin/people");
            assertThat(heading(page, "People")).isVisible();

            // People: a mistake first (no name), shown beside the field; then a director and a PM reporting to her.
            Locator add = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a person"));
            add.getByLabel("Email").fill("lena@admin.example");
            add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add person")).click();
            assertThat(add.getByLabel("Name")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#" + add.getByLabel("Name").getAttribute("aria-describedby"))).not().isEmpty();
            addPerson(page, "Lena Fischer", "lena@admin.example", "DIRECTOR", null);
            addPerson(page, "Ravi Menon", "ravi@admin.example", "SENIOR_PM", null);
            addPerson(page, "Tomás Silva", "tomas@admin.example", "PM", "Lena Fischer (lena@admin.example)");
            String lena = personId(admin, "lena@admin.example");
            String ravi = personId(admin, "ravi@admin.example");
            String tomas = personId(admin, "tomas@admin.example");
            assertThat(as(admin).get("/api/v1/people/{id}", tomas).then().statusCode(200).extract().<String>path("managerId"))
                    .isEqualTo(lena);
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Reports of Lena Fischer")))
                    .containsText("Tomás Silva");

            // Tomás moves to Ravi's team; the tree and the directory follow.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Tomás Silva")).click();
            Locator edit = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Tomás Silva"));
            edit.getByLabel("Manager").selectOption(new SelectOption().setLabel("Ravi Menon (ravi@admin.example)"));
            edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Reports of Ravi Menon")))
                    .containsText("Tomás Silva");
            assertThat(as(admin).get("/api/v1/people/{id}", tomas).then().statusCode(200).extract().<String>path("managerId"))
                    .isEqualTo(ravi);
            screen(page, "admin-people");

            nav(page, "Organisation");
            assertThat(page.getByLabel(java.util.regex.Pattern.compile("Founder-led organisation"))).isVisible();
            screen(page, "admin-organisation");

            // Frameworks: import the current one with a changed expectation, see the difference, publish it.
            nav(page, "Frameworks");
            int current = as(admin).get("/api/v1/frameworks/versions").then().statusCode(200)
                    .extract().path("find { it.status == 'PUBLISHED' }.version");
            ObjectNode document = (ObjectNode) JSON.readTree(as(admin).accept(ContentType.JSON)
                    .get("/api/v1/frameworks/current").then().statusCode(200).extract().asString());
            document.put("name", "Ascent PM framework, 2027");
            String level = document.path("levels").path(0).path("code").asText();
            String competency = document.path("competencies").path(0).path("code").asText();
            String competencyName = document.path("competencies").path(0).path("name").asText();
            ObjectNode cell = (ObjectNode) document.path("expectations").path(level).path(competency);
            int proficiency = cell.path("proficiency").asInt();
            int changedTo = proficiency >= 5 ? proficiency - 1 : proficiency + 1;
            cell.put("proficiency", changedTo);
            page.getByLabel("Framework document").fill(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import as draft")).click();
            int draft = current + 1;
            Locator publish = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish version " + draft));
            assertThat(publish).isVisible();
            page.getByLabel("From version").selectOption(String.valueOf(current));
            page.getByLabel("To version").selectOption(String.valueOf(draft));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
            Locator diff = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                    .setName("Changes from version " + current + " to " + draft));
            assertThat(diff).containsText("Ascent PM framework, 2027");
            Locator changedRow = diff.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(competencyName));
            assertThat(changedRow).containsText("P" + proficiency + " · ");
            assertThat(changedRow).containsText("P" + changedTo + " · ");
            screen(page, "admin-frameworks");
            publish.click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("Version " + draft + " is published.");
            assertThat(as(admin).accept(ContentType.JSON).get("/api/v1/frameworks/current").then().statusCode(200)
                    .extract().<String>path("name")).isEqualTo("Ascent PM framework, 2027");

            nav(page, "Playbook");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Version \\d+: actions$")))).isVisible();
            screen(page, "admin-playbook");

            // Integrations: a GitHub source; its secret is shown once, and a delivery signed with it arrives.
            nav(page, "Integrations");
            page.getByLabel("Tool", new Page.GetByLabelOptions().setExact(true)).first().selectOption("GITHUB");
            page.getByLabel("Source name").fill("admin-journey-org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add source")).click();
            String webhookUrl = page.getByLabel("Webhook URL").inputValue();
            String secret = page.getByLabel("Webhook secret").inputValue();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
            assertThat(webhookUrl).startsWith(platform.gatewayUrl() + "/api/v1/webhooks/github/");
            screen(page, "admin-integrations-secret");

            String payload;
            try (InputStream in = getClass().getResourceAsStream("/github-pull-request-merged.json")) {
                payload = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${login}", "tomas-gh");
            }
            given().contentType(ContentType.JSON)
                    .header("X-GitHub-Event", "pull_request")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + hmac(secret, payload))
                    .body(payload.getBytes(StandardCharsets.UTF_8))
                    .post(URI.create(webhookUrl).getPath()).then().statusCode(org.hamcrest.Matchers.lessThan(300));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh the queue")).click();
            Locator queue = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Events whose user is not linked")));
            assertThat(queue).containsText("tomas-gh");
            screen(page, "admin-integrations");
            page.getByLabel("Person for tomas-gh").selectOption(new SelectOption().setLabel("Tomás Silva (tomas@admin.example)"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve tomas-gh")).click();
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("tomas-gh is linked to Tomás Silva; 1 queued event(s)");
            assertThat(page.getByRole(AriaRole.MAIN)).containsText("No events are waiting for a person.");
            List<String> suggested = as(admin).queryParam("personId", tomas).queryParam("status", "SUGGESTED")
                    .get("/api/v1/evidence").then().statusCode(200).extract().path("items.source");
            assertThat(suggested).containsExactly("GITHUB");

            // The rules tried on the same payload, without storing anything.
            page.getByLabel("Sample payload (JSON)").fill(payload);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try the rules")).click();
            Locator dryRun = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Dry run result"));
            assertThat(dryRun).containsText("pull_request.merged");
            assertThat(dryRun).containsText("tomas-gh");
            assertThat(as(admin).queryParam("personId", tomas).get("/api/v1/evidence").then().statusCode(200)
                    .extract().<List<?>>path("items")).hasSize(1);

            // An API key: shown once, then revoked.
            page.getByLabel("Source the key pushes to").selectOption(new SelectOption().setLabel("admin-journey-org (GitHub)"));
            page.getByLabel("Key name").fill("nightly-export");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
            assertThat(page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true))).not().hasValue("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke nightly-export")).click();
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("nightly-export")))
                    .containsText("Revoked");
            screen(page, "admin-integrations-keys");

            // At 375 px the admin screens stay usable: no horizontal scroll of the page.
            page.setViewportSize(375, 800);
            nav(page, "People");
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll at 375 px").isTrue();
            screen(page, "admin-people-375");
        }
    }

    private static void addPerson(Page page, String name, String email, String level, String managerLabel) {
        Locator add = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a person"));
        add.getByLabel("Name").fill(name);
        add.getByLabel("Email").fill(email);
        add.getByLabel("Level", new Locator.GetByLabelOptions().setExact(true)).selectOption(level);
        if (managerLabel != null) {
            add.getByLabel("Manager").selectOption(new SelectOption().setLabel(managerLabel));
        }
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Added " + name + ".");
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(name))).isVisible();
    }

}
