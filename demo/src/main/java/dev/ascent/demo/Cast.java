package dev.ascent.demo;

import java.util.List;
import java.util.Optional;

/**
 * The people of Fernhill, the demo's product organisation: a founder-led company whose CPO's team
 * setting says so (everyone below inherits it) except the platform group, whose director runs it
 * without the founders. Emails are on the reserved {@code .example} domain.
 */
final class Cast {

    static final String DOMAIN = "fernhill.example";
    static final String COMPANY = "Fernhill";

    /**
     * One person: where they sit, where they aim, the area they own, and the user names the tools
     * know them by (null where they do not use that tool).
     */
    record Member(String key, String name, String level, String targetLevel, String managerKey, Boolean founderLed,
                  String area, String githubLogin, String jiraAccountId, String linearUserId) {

        String email() {
            return key + "@" + DOMAIN;
        }

        String firstName() {
            return name.substring(0, name.indexOf(' '));
        }
    }

    // Managers are listed before their reports, so each is created before anyone names them.
    static final List<Member> PEOPLE = List.of(
            new Member("amara.okafor", "Amara Okafor", "CPO", null, null, true, "the product organisation",
                    null, null, null),
            new Member("daniel.reyes", "Daniel Reyes", "VP", "CPO", "amara.okafor", null, "product",
                    null, "712020:daniel-reyes", null),
            new Member("priya.raman", "Priya Raman", "DIRECTOR", "VP", "daniel.reyes", null, "growth",
                    null, "712020:priya-raman", null),
            new Member("tomas.lindqvist", "Tomás Lindqvist", "DIRECTOR", "VP", "daniel.reyes", false, "the platform",
                    "tlindqvist", null, "lin-usr-tomas"),
            new Member("grace.whitfield", "Grace Whitfield", "PRINCIPAL_PM", "DIRECTOR", "priya.raman", null,
                    "pricing and packaging", "gwhitfield", "712020:grace-whitfield", null),
            new Member("kenji.watanabe", "Kenji Watanabe", "SENIOR_PM", "PRINCIPAL_PM", "priya.raman", null,
                    "the purchase funnel", "kwatanabe", "712020:kenji-watanabe", null),
            new Member("maya.chen", "Maya Chen", "PM", "SENIOR_PM", "kenji.watanabe", null, "checkout",
                    "mayachen-dev", "712020:maya-chen", null),
            new Member("oliver.brandt", "Oliver Brandt", "PM", "SENIOR_PM", "kenji.watanabe", null, "search",
                    "obrandt", "712020:oliver-brandt", null),
            new Member("sofia.haddad", "Sofia Haddad", "APM", "PM", "kenji.watanabe", null, "onboarding",
                    "sofiah", "712020:sofia-haddad", null),
            new Member("ethan.park", "Ethan Park", "APM", "PM", "oliver.brandt", null, "saved searches",
                    "ethanpark", "712020:ethan-park", null),
            new Member("rafael.costa", "Rafael Costa", "PRINCIPAL_PM", "DIRECTOR", "tomas.lindqvist", null,
                    "the developer platform", "rcosta", null, "lin-usr-rafael"),
            new Member("aisha.bello", "Aisha Bello", "SENIOR_PM", "PRINCIPAL_PM", "tomas.lindqvist", null,
                    "data and reporting", "abello", null, "lin-usr-aisha"),
            new Member("noah.fischer", "Noah Fischer", "PM", "SENIOR_PM", "aisha.bello", null, "the public API",
                    "nfischer", null, "lin-usr-noah"),
            new Member("hannah.schultz", "Hannah Schultz", "PM", "SENIOR_PM", "aisha.bello", null, "billing",
                    "hschultz", null, "lin-usr-hannah"),
            new Member("zoe.martin", "Zoe Martin", "APM", "PM", "noah.fischer", null, "webhooks",
                    "zoemartin", null, "lin-usr-zoe"));

    /** The member the demo is built around: a PM growing towards senior, with a plan and an item to confirm. */
    static final String FEATURED_MEMBER = "maya.chen";
    /** Her manager. */
    static final String FEATURED_MANAGER = "kenji.watanabe";
    /** The CPO, who is also the organisation's admin. */
    static final String CPO = "amara.okafor";

    /** A GitHub login nobody is linked to yet: its pull request waits in the unmatched queue for an admin. */
    static final String UNLINKED_GITHUB_LOGIN = "jsmith-contractor";

    private Cast() {
    }

    static Member member(String key) {
        return PEOPLE.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nobody is called " + key));
    }

    static Optional<Member> manager(Member m) {
        return m.managerKey() == null ? Optional.empty() : Optional.of(member(m.managerKey()));
    }

    /** Whether anyone reports to them: such people sign in as managers. */
    static boolean managesSomeone(Member m) {
        return PEOPLE.stream().anyMatch(p -> m.key().equals(p.managerKey()));
    }
}
