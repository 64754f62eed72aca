package dev.ascent.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.kit.problem.ApiProblem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists, revokes and recognises API keys. */
@ApplicationScoped
public class ApiKeyService implements PanacheRepositoryBase<ApiKey, UUID> {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String KEY_PREFIX = "asc_";

    /**
     * Keys recognised lately (digest to id), so the rate limiter can charge a key's calls to the key
     * before the request reaches the database. Never used to let a call in: {@link #recognise} asks
     * the database on every call, so a revoked key is refused at once on every replica.
     */
    private final Cache<String, UUID> recentlyRecognised = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public record Created(UUID id, String sourceId, String name, String prefix, String key, Instant createdAt) {
    }

    public record Summary(UUID id, String sourceId, String name, String prefix, Instant createdAt, Instant revokedAt) {
        static Summary of(ApiKey k) {
            return new Summary(k.id, k.sourceId, k.name, k.prefix, k.createdAt, k.revokedAt);
        }
    }

    @Transactional
    public Created create(String sourceId, String name, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.sourceId = sourceId;
        k.name = name.trim();
        k.prefix = key.substring(0, 10);
        k.keyHash = digest(key);
        k.createdBy = createdBy;
        k.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        persist(k);
        return new Created(k.id, k.sourceId, k.name, k.prefix, key, k.createdAt);
    }

    public List<Summary> newestFirst(int limit) {
        return find("order by createdAt desc, id").page(0, limit).list().stream().map(Summary::of).toList();
    }

    @Transactional
    public void revoke(UUID id) {
        ApiKey k = findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("API key", id));
        if (k.revokedAt == null) {
            k.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        recentlyRecognised.asMap().values().removeIf(id::equals);
    }

    /** The live key matching {@code presented}, found by its digest. */
    @Transactional
    public Optional<Summary> recognise(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        Optional<Summary> found = find("keyHash = ?1 and revokedAt is null", (Object) digest).firstResultOptional()
                .map(Summary::of);
        found.ifPresent(k -> recentlyRecognised.put(HexFormat.of().formatHex(digest), k.id()));
        return found;
    }

    /**
     * The id of {@code presented} if {@link #recognise} found it lately, without asking the database:
     * for keying rate limits only, never for access.
     */
    public Optional<UUID> recentlyRecognisedId(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        return Optional.ofNullable(recentlyRecognised.getIfPresent(HexFormat.of().formatHex(digest(presented))));
    }

    private static boolean wellFormed(String presented) {
        return presented != null && presented.startsWith(KEY_PREFIX) && presented.length() <= 200;
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
