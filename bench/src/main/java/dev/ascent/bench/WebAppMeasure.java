package dev.ascent.bench;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The web app as a member meets it, in the machine's Chromium on loopback: signed in (the local
 * profile's development sign-in), a cold browser (a new context each time, nothing cached) opens
 * {@code /} and the time is read in the page when <em>My growth</em> shows the member's readiness,
 * counted from the start of navigation; and the JavaScript that first screen loaded, compressed
 * with gzip at its highest level (what a server or CDN would send).
 */
final class WebAppMeasure implements AutoCloseable {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

    private final String gateway;
    private final int loads;
    private final Playwright playwright;
    private final Browser browser;

    /** Starts the machine's Chromium once for every measure of the run. */
    WebAppMeasure(String gateway, int loads) {
        this.gateway = gateway;
        this.loads = loads;
        Path chromium = Path.of(System.getenv().getOrDefault("ASCENT_CHROMIUM", "/usr/bin/chromium"));
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    @Override
    public void close() {
        playwright.close();
    }

    /** A new browser context (nothing cached) signed in through the local profile's development sign-in. */
    private BrowserContext signedIn(String email, String role) throws IOException {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        APIResponse signIn = context.request().post(gateway + "/auth/dev", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("email", email, "roles", List.of(role))));
        if (signIn.status() != 204) {
            context.close();
            throw new IOException("development sign-in answered " + signIn.status() + ": " + signIn.text());
        }
        return context;
    }

    /** The result table's rows. */
    List<String> measure(String memberEmail) throws IOException {
        Histogram interactive = new Histogram(3);
        Histogram noticed = new Histogram(3);
        long[] javascript = {0, 0, 0};
        // Two loads warm the services and the JIT; the rest are measured.
        for (int load = -2; load < loads; load++) {
            try (BrowserContext context = signedIn(memberEmail, "MEMBER")) {
                Page page = context.newPage();
                List<Response> scripts = new ArrayList<>();
                page.onResponse(r -> {
                    if ("script".equals(r.request().resourceType())) {
                        scripts.add(r);
                    }
                });
                page.addInitScript(whenShown("() => { const d = document.querySelector('dd[aria-labelledby=\"readiness-term\"]');"
                        + " return d !== null && /\\d+%/.test(d.textContent); }"));
                page.navigate(gateway + "/");
                page.getByLabel("Readiness", new Page.GetByLabelOptions().setExact(true)).getByText(java.util.regex.Pattern.compile("\\d+%")).first().waitFor();
                double harness = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                double shown = shownAt(page);
                if (load >= 0) {
                    interactive.recordValue(Math.round(shown * 1000));
                    noticed.recordValue(Math.round(harness * 1000));
                }
                if (load == 0) {
                    for (Response script : scripts) {
                        byte[] body = script.body();
                        javascript[0]++;
                        javascript[1] += body.length;
                        javascript[2] += gzip(body);
                    }
                }
            }
        }
        return List.of(
                String.format("| web app: first interactive screen (My growth with readiness, signed in, cold browser, "
                                + "loopback; timed in the page, to the first frame painted after the figure is in it), p50 / p95 "
                                + "of %d loads (as the harness noticed it, a round trip later) | %s / %s ms (%s / %s) | ≤ 1,000 ms |",
                        interactive.getTotalCount(), Http.ms(interactive, 50), Http.ms(interactive, 95),
                        Http.ms(noticed, 50), Http.ms(noticed, 95)),
                String.format("| web app: JavaScript of the first screen, %d files, gzip -9 (raw) | %.1f KB (%.1f KB) | ≤ 250 KB |",
                        javascript[0], javascript[2] / 1024.0, javascript[1] / 1024.0));
    }

    /**
     * The manager's team page for everyone below them ({@code /team?depth=all}): time from the start
     * of navigation until the heatmap's table holds a row per person, and the part of it spent after
     * the report's answer arrived (rendering), read from the page's resource timing.
     */
    String heatmap(String managerEmail, int people) throws IOException {
        Histogram total = new Histogram(3);
        Histogram render = new Histogram(3);
        long rows = 0;
        for (int load = -1; load < loads; load++) {
            try (BrowserContext context = signedIn(managerEmail, "MANAGER")) {
                Page page = context.newPage();
                String complete = "() => { const t = document.querySelector('#heatmap');"
                        + " return t !== null && t.tBodies[0] !== undefined && t.tBodies[0].rows.length > 0"
                        + " && t.tBodies[0].rows.length === Number(t.dataset.rows); }";
                page.addInitScript(whenShown(complete));
                page.navigate(gateway + "/team?depth=all");
                page.waitForFunction(complete, null, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(5));
                double shown = shownAt(page);
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) page.evaluate("() => {"
                        + " const report = performance.getEntriesByType('resource')"
                        + "   .filter(e => e.name.includes('/api/v1/teams/')).map(e => e.responseEnd);"
                        + " return { reportEnd: report.length ? Math.max(...report) : 0,"
                        + "   rows: document.querySelector('#heatmap').tBodies[0].rows.length }; }");
                double reportEnd = ((Number) timing.get("reportEnd")).doubleValue();
                rows = ((Number) timing.get("rows")).longValue();
                if (load >= 0) {
                    total.recordValue(Math.round(shown * 1000));
                    render.recordValue(Math.round(Math.max(0, shown - reportEnd) * 1000));
                }
            }
        }
        return String.format("| web app: team heatmap for %d people (sorted and filtered over all; its first page, %d rows), "
                        + "navigation to every row of it painted (timed in the page) / "
                        + "of which after the report arrived, p50 / p95 of %d loads | %s / %s ms; render %s / %s ms | render ≤ 500 ms |",
                people, rows, total.getTotalCount(), Http.ms(total, 50), Http.ms(total, 95),
                Http.ms(render, 50), Http.ms(render, 95));
    }

    /**
     * A script for every document of the page that notes, in {@code window.__ascentShown}, when {@code condition}
     * (a JavaScript function of no arguments) first holds: at the first frame painted after the change that made it
     * hold (a timer queued from the frame's animation callback runs once that frame is drawn). Timed in the page, so
     * the figure is the app's, not also the time the harness takes to notice over the DevTools protocol, which on two
     * busy cores was tens to hundreds of milliseconds.
     */
    private static String whenShown(String condition) {
        return "(() => { const holds = " + condition + ";"
                + " const note = () => requestAnimationFrame(() => setTimeout(() => { window.__ascentShown = performance.now(); }));"
                + " new MutationObserver((changes, observer) => { if (holds()) { observer.disconnect(); note(); } })"
                + "   .observe(document, { childList: true, subtree: true, characterData: true }); })()";
    }

    /** When the page's {@link #whenShown} condition first held and was painted (ms from the start of navigation). */
    private static double shownAt(Page page) {
        page.waitForFunction("() => window.__ascentShown !== undefined");
        return ((Number) page.evaluate("() => window.__ascentShown")).doubleValue();
    }

    private static long gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        }
        return out.size();
    }
}
