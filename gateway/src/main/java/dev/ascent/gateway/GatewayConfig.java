package dev.ascent.gateway;

import dev.ascent.gateway.access.Caller;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway under {@code ascent.gateway}. */
@ConfigMapping(prefix = "ascent.gateway")
public interface GatewayConfig {

    /**
     * Where clients reach the gateway: the public OpenAPI document's server. {@code /} (relative: the
     * gateway serving the document) unless set, e.g. to {@code https://ascent.example.org}.
     */
    @WithDefault("/")
    String publicUrl();

    /** The services behind the gateway, by name (for example {@code assessment-service}). */
    Map<String, Backend> services();

    /** Health checks. */
    Health health();

    /** Authentication. */
    Auth auth();

    /** Per-client protection. */
    Limits limits();

    /** The tokens the gateway signs for the services. */
    InternalToken internalToken();

    /** Answers kept per person until something of theirs changes (docs/architecture.md §6). */
    KeptAnswers keptAnswers();

    interface KeptAnswers {
        /** Whether answers are kept at all; off, every view is computed by the services. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How many bytes of answers are kept, all people together; the least used go first. They live in the
         * gateway's old generation (the launcher's heap leaves it 64 MB), beside a large report's working set.
         */
        @WithDefault("16M")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /**
         * The longest an answer is kept even when nothing says it changed: a bound on what a change made
         * behind the database's back (a restored backup, a hand edit with triggers off) can leave showing.
         */
        @WithDefault("15m")
        Duration maxAge();
    }

    interface InternalToken {
        /** PKCS#8 PEM of the EC (P-256) key; its public half is what every service trusts. */
        String privateKeyLocation();

        /** How long a token is valid; tokens are reused for half of it. */
        @WithDefault("5m")
        Duration lifetime();
    }

    interface Limits {
        /** Sustained requests per second each client may send. */
        @WithDefault("100")
        long requestsPerSecond();

        /** How many requests a client may send at once above the sustained rate. */
        @WithDefault("200")
        long burst();
    }

    interface Auth {
        /** Issuer of the development tokens that {@code ./ascent token} mints. */
        @WithDefault("ascent-dev")
        String devIssuer();

        /** Whether tokens of the development issuer are accepted; only local profiles allow it. */
        @WithDefault("false")
        boolean allowDevKey();

        /** How long a person looked up by email, or a management line, is remembered. */
        @WithDefault("60s")
        Duration directoryCacheTtl();

        /**
         * The claim (a path: {@code a/b} for nested objects) holding the caller's email, by which the
         * person is found in the directory, for bearer tokens and browser sessions alike.
         */
        @WithDefault("email")
        String emailClaim();

        /**
         * The claim path holding the caller's roles, such as {@code groups} or {@code realm_access/roles}
         * (Keycloak); a string or a list of strings.
         */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * Provider role names mapped onto Ascent's roles ({@code role-mapping."pm-admins"=ADMIN}); names not
         * listed count when they spell a role ({@code admin}, {@code MANAGER}, ...) and are ignored otherwise.
         */
        Map<String, Caller.Role> roleMapping();

        /** The development sign-in (choose who to be, no provider); the local profile only, else start-up fails. */
        @WithDefault("false")
        boolean devSignIn();

        /** Whether session cookies are marked Secure (sent over HTTPS only); off only for local runs and tests. */
        @WithDefault("true")
        boolean secureCookies();

        /**
         * Secret the CSRF tokens and development sessions are derived from (32 characters or more); without it
         * a random one per process, so those end when the gateway restarts.
         */
        Optional<String> sessionSecret();

        /** How long a development sign-in lasts. */
        @WithDefault("8h")
        Duration devSessionLifetime();
    }

    interface Backend {
        /** Base URL of the service, such as {@code http://localhost:8081}. */
        URI url();

        /** Base URL of the service's management interface (health), such as {@code http://localhost:9081}. */
        java.util.Optional<URI> managementUrl();

        /** How long a proxied call may take before the gateway gives up on it. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Health {
        /** How long the platform health view waits for each service. */
        @WithDefault("2s")
        Duration serviceTimeout();
    }
}
