package dev.ascent.gateway.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.access.Caller;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sessions of the development sign-in (local profile only): the cookie holds who the developer chose to
 * be, encrypted and authenticated with AES-GCM under a key of the gateway's, so the browser can neither
 * read nor alter it. It behaves like the provider's session cookie: HttpOnly, SameSite=Lax, Secure where
 * configured, with a CSRF token of its own.
 */
@Singleton
public class DevSessions {

    public static final String COOKIE = "ascent_dev_session";

    /** What the cookie carries. */
    record Content(String sid, String email, Set<Caller.Role> roles, long expiresAt) {
    }

    private final SecretKeySpec key;
    private final ObjectMapper json;
    private final boolean secure;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    /**
     * Cookies opened lately, by their value: opening one (a cipher looked up, AES-GCM, JSON) was most of what
     * a session's call cost the gateway beyond a bearer token's. A value is sealed once with a random IV and
     * cannot be altered without failing to open, so the same value always opens to the same content; its
     * expiry is still checked on every call.
     */
    private final Cache<String, Optional<Content>> opened = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public DevSessions(SessionSecrets secrets, ObjectMapper json, GatewayConfig config) {
        this.key = new SecretKeySpec(secrets.key("dev-session"), "AES");
        this.json = json;
        this.secure = config.auth().secureCookies();
        this.lifetime = config.auth().devSessionLifetime();
    }

    /** Starts a session as {@code email} with {@code roles}: the cookie is set on the response. */
    public void start(RoutingContext context, String email, Set<Caller.Role> roles) {
        Content content = new Content(UUID.randomUUID().toString(), email, roles,
                System.currentTimeMillis() / 1000 + lifetime.toSeconds());
        context.response().addCookie(cookie(seal(content)).setMaxAge(lifetime.toSeconds()));
    }

    /** The session the request's cookie carries, if it is one of ours and still valid. */
    public Optional<BrowserSession> of(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return opened.get(cookie.getValue(), this::open)
                .filter(c -> c.expiresAt() > System.currentTimeMillis() / 1000)
                .map(c -> new BrowserSession(BrowserSession.DEV, c.sid(), c.email(), null, c.roles(), null, null));
    }

    public void end(RoutingContext context) {
        context.response().addCookie(cookie("").setMaxAge(0));
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }

    private String seal(Content content) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(content));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal a development session", e);
        }
    }

    private Optional<Content> open(String value) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
            return Optional.of(json.readValue(cipher.doFinal(raw, 12, raw.length - 12), Content.class));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            // Altered, made with another key (a restarted gateway without a configured secret), or not ours.
            return Optional.empty();
        }
    }
}
