package dev.ascent.demo;

import dev.ascent.demo.DemoOrganisation.Figures;
import dev.ascent.demo.DemoOrganisation.Loaded;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The few lines a newcomer reads after {@code ./ascent demo}: what is there, who to be, where to look. */
final class DemoSummary {

    private DemoSummary() {
    }

    static String text(Loaded l, Figures f) {
        String gateway = l.gatewayUrl();
        StringBuilder out = new StringBuilder();
        out.append(l.alreadyLoaded()
                ? String.format(Locale.ROOT, "The %s demo is already loaded at %s (checked in %.1f s; nothing added).%n",
                        Cast.COMPANY, gateway, l.took().toMillis() / 1000.0)
                : String.format(Locale.ROOT, "Loaded the %s demo into %s in %.1f s (%d things created, %d API calls).%n",
                        Cast.COMPANY, gateway, l.took().toMillis() / 1000.0, l.created(), l.calls()));
        out.append(String.format(Locale.ROOT, "  %d people from a CPO down to APMs (founder-led, except the platform group); "
                + "%d submitted assessments in \"%s\"%n", f.people(), f.assessmentsSubmitted(), DemoOrganisation.CYCLE_NAME));
        out.append(String.format(Locale.ROOT, "  %d evidence items by source %s, by status %s; %d GitHub event(s) wait for an identity link%n",
                f.evidence(), compact(f.evidenceBySource()), compact(f.evidenceByStatus()), f.unmatchedEvents()));
        out.append(String.format(Locale.ROOT, "  %d active growth plans, progress %s%n", f.planProgressPercent().size(),
                compact(f.planProgressPercent())));
        out.append("Sign in (development sign-in at ").append(gateway).append("/, or ./ascent token EMAIL [--role ROLE]):\n");
        out.append(String.format(Locale.ROOT, "  %-34s member: My growth (readiness %d%%), a plan in progress, "
                + "a GitHub pull request waiting for her confirmation%n", l.member().email(),
                f.readinessPercent().getOrDefault(l.member().email(), 0)));
        out.append(String.format(Locale.ROOT, "  %-34s manager: %s's manager; verifies evidence, runs calibration%n",
                l.manager().email(), l.member().name().split(" ")[0]));
        out.append(String.format(Locale.ROOT, "  %-34s manager and admin: the CPO; the whole organisation, integrations%n",
                l.cpo().email()));
        out.append("Every demo person is <first>.<last>@").append(Cast.DOMAIN).append("; run ./ascent demo again at any time.\n");
        return out.toString();
    }

    private static String compact(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().replace("@" + Cast.DOMAIN, "") + " " + e.getValue()
                + (e.getKey().contains("@") ? "%" : "")).collect(Collectors.joining(", ", "(", ")"));
    }
}
