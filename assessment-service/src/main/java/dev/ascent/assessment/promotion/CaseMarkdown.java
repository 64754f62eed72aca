package dev.ascent.assessment.promotion;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case as Markdown. Everything people wrote is escaped, so a narrative cannot forge a heading, a
 * link or HTML in the exported document; evidence links are autolinks. Pure.
 */
public final class CaseMarkdown {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]<>()#+!|~]");
    private static final Pattern LIST_START = Pattern.compile("(?m)^(\\s*)(\\d+)\\.");
    private static final Pattern DASH_START = Pattern.compile("(?m)^(\\s*)([-=])");

    private CaseMarkdown() {
    }

    public static String render(CaseDtos.CaseView view) {
        return render(CaseDocument.of(view));
    }

    static String render(List<CaseDocument.Block> blocks) {
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        for (CaseDocument.Block block : blocks) {
            boolean item = block instanceof CaseDocument.Item;
            if (inList && !item) {
                out.append('\n'); // a list ends with a blank line
            }
            inList = item;
            switch (block) {
                case CaseDocument.Heading h -> out.append("#".repeat(h.level())).append(' ')
                        .append(escape(h.text()).replace('\n', ' ')).append("\n\n");
                case CaseDocument.Paragraph p -> out.append(escape(p.text())).append("\n\n");
                case CaseDocument.Item i when i.link() != null -> out.append("- Link: <").append(url(i.link()))
                        .append(">\n");
                case CaseDocument.Item i -> out.append("- ").append(escape(i.text()).replace("\n", "\n  ")).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** Backslash-escapes what Markdown would read as syntax, and line starts that would open a list or heading. */
    static String escape(String text) {
        String escaped = SPECIAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        escaped = LIST_START.matcher(escaped).replaceAll("$1$2\\\\.");
        return DASH_START.matcher(escaped).replaceAll("$1\\\\$2");
    }

    /** An autolink may not hold spaces or angle brackets. */
    static String url(String link) {
        return link.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E");
    }
}
