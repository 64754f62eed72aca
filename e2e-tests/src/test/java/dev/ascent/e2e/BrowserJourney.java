package dev.ascent.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What every browser journey stands on: a real OIDC provider, the four packaged services trusting it,
 * the machine's Chromium, and the steps each journey repeats (set up through the API, move between
 * screens by the navigation, check a screen with axe-core and take its picture for the README).
 */
abstract class BrowserJourney extends PublicApi {

    static final Path SCREENSHOTS = Path.of(System.getProperty("ascent.root", "..")).resolve("docs/screenshots");

    static OidcProvider oidc;
    static RunningPlatform platform;
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        // Web-first assertions retry until this; Playwright's 5 s default is short for a two-core machine that
        // is also running four services, PostgreSQL and the provider while a team report is computed.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        oidc = OidcProvider.start();
        platform = RunningPlatform.start(oidc.gatewaySettings());
        RestAssured.baseURI = platform.gatewayUrl();
        chromium = Chromium.launch();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (oidc != null) {
            oidc.close();
        }
    }

    /** Follows a link of the navigation and waits for the screen's heading. */
    static void nav(Page page, String screen) {
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(screen).setExact(true)).click();
        assertThat(heading(page, screen)).isVisible();
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    /** axe-core on the screen, then its picture (docs/screenshots, shown in the README). */
    static void screen(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Accessibility.assertNoSeriousViolations(page, name);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** A webhook body's signature as GitHub computes it (hex HMAC-SHA256 under the source's secret). */
    static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
