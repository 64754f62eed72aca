package dev.ascent.gateway.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where sign-in may send the browser afterwards: a path of this site, never another site. */
final class SafeNext {

    private SafeNext() {
    }

    /**
     * {@code next} when it is a local path ({@code /growth?tab=plan}); {@code /} for anything else:
     * absolute and scheme-relative URLs ({@code //evil.example}), backslashes (browsers read
     * {@code /\evil.example} as {@code //evil.example}) and their percent-encoded forms (in case anything
     * on the way decodes them), control characters and unparseable text.
     */
    static String of(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.indexOf('\\') >= 0 || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        String lower = next.toLowerCase(Locale.ROOT);
        if (lower.contains("%5c") || lower.startsWith("/%2f")) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
