package dev.ascent.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.util.List;

/** Settings every service shares, under {@code ascent.kit}. */
@ConfigMapping(prefix = "ascent.kit")
public interface KitConfig {

    /** Who may call without the gateway's token. */
    Access access();

    /** Request limits. */
    Limits limits();

    /** Health checks. */
    Health health();

    /** Response headers ({@code SecurityHeaders}). */
    Headers headers();

    /** The published framework as other services read it ({@code PublishedFramework}). */
    Framework framework();

    interface Framework {
        /** How long a fetched framework serves before it is fetched again. */
        @WithDefault("60s")
        Duration cacheTtl();

        /**
         * A code the held framework lacks makes it fetched again at once, but not more often than this:
         * a framework published a moment ago is seen by the next call, and unknown codes cost no stream of calls.
         */
        @WithDefault("1s")
        Duration refreshOnUnknownAfter();

        /** The {@code Retry-After} of the 503 answered when no framework could be fetched at all. */
        @WithDefault("30s")
        Duration retryAfter();
    }

    interface Headers {
        /**
         * The Content-Security-Policy of HTML answers (the web app): nothing inline, everything from this
         * origin. Other answers get {@code frame-ancestors 'none'} only.
         */
        @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'")
        String htmlContentSecurityPolicy();
    }

    interface Access {
        /**
         * Whether this service takes calls only with the gateway's token. Off for the gateway itself,
         * which authenticates the public's own credentials.
         */
        @WithDefault("true")
        boolean requireGatewayToken();

        /**
         * Path prefixes served without the gateway's token, matched on the normalised path and only
         * when the request spells it canonically. Everything else needs the token.
         */
        @WithDefault("/q/openapi")
        List<String> openPaths();

        /** Most verified tokens remembered at once; each is remembered until it expires. */
        @WithDefault("10000")
        int verifiedTokenCacheSize();
    }

    interface Limits {
        /**
         * Largest request body taken; larger ones are answered 413 by their declared length before
         * they are read, or once they pass it when they come chunked.
         */
        @WithDefault("5M")
        MemorySize maxBodySize();
    }

    interface Health {
        /** How long the readiness check waits for the database before reporting it down. */
        @WithDefault("2s")
        Duration databaseTimeout();
    }
}
