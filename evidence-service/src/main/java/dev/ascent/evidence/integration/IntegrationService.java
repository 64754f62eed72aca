package dev.ascent.evidence.integration;

import dev.ascent.evidence.ingest.EventStore;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integration sources, their identity links and the queue of events whose user is not linked yet. */
@ApplicationScoped
public class IntegrationService {

    private final IntegrationSourceRepository sources;
    private final IdentityLinkRepository links;
    private final SecretCipher cipher;
    private final AgroalDataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public IntegrationService(IntegrationSourceRepository sources, IdentityLinkRepository links, SecretCipher cipher,
                              AgroalDataSource dataSource) {
        this.sources = sources;
        this.links = links;
        this.cipher = cipher;
        this.dataSource = dataSource;
    }

    @Transactional
    public SourceResponse register(SourceRequest request) {
        String secret = request.secret() != null ? request.secret() : generateSecret();
        IntegrationSource s = new IntegrationSource();
        s.id = UUID.randomUUID();
        s.kind = request.kind();
        s.name = request.name().trim();
        s.secretEncrypted = cipher.encrypt(secret);
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        sources.persist(s);
        return SourceResponse.of(s, secret);
    }

    public Page<SourceResponse> list(String cursor, int limit) {
        KeysetCursor after = decode(cursor);
        List<IntegrationSource> rows = sources.page(after, after == null ? null : instant(after), limit + 1);
        boolean more = rows.size() > limit;
        List<IntegrationSource> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new KeysetCursor(page.getLast().createdAt.toString(), page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(s -> SourceResponse.of(s, null)).toList(), next);
    }

    public Optional<SourceResponse> find(UUID id) {
        return sources.findByIdOptional(id).map(s -> SourceResponse.of(s, null));
    }

    /** The source and its webhook secret in clear, for signature checks only. */
    public Optional<SourceWithSecret> withSecret(UUID id) {
        return sources.findByIdOptional(id).map(s -> new SourceWithSecret(s.id, s.kind, cipher.decrypt(s.secretEncrypted)));
    }

    /** What signature checks need to know about a source. */
    public record SourceWithSecret(UUID id, SourceKind kind, byte[] secret) {
    }

    /**
     * Deletes a source; its evidence stays, no longer naming it. The source is locked first, so
     * batches still writing (they hold it key-share) finish before their evidence is cleared, and
     * later ones find it gone. Evidence has no foreign key to sources or their events (V4, V5), so
     * this does that work: it clears both references.
     */
    @Transactional
    public void delete(UUID id) {
        var em = sources.getEntityManager();
        if (em.createNativeQuery("SELECT id FROM evidence.integration_source WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList().isEmpty()) {
            throw ApiProblem.notFound("Integration source", id);
        }
        // One statement for all its evidence; the source's ingested events then go by cascade.
        em.createNativeQuery("UPDATE evidence.evidence SET source_id = NULL, source_event_id = NULL WHERE source_id = :id")
                .setParameter("id", id).executeUpdate();
        sources.deleteById(id);
    }

    /** A link, and whether this call created it. */
    public record LinkResult(IdentityLinkResponse link, boolean created) {
    }

    /**
     * Links an identity and, in the same transaction, turns every event queued for it into
     * suggested evidence of the person (one statement however long the queue). Linking an
     * identity again to the same person only releases the queue once more (an event that raced
     * with the first link is not stranded); linking it to someone else is a 409.
     */
    @Transactional
    public LinkResult link(UUID sourceId, IdentityLinkRequest request) {
        IntegrationSource source = sources.findByIdOptional(sourceId)
                .orElseThrow(() -> ApiProblem.notFound("Integration source", sourceId));
        IdentityKind kind = request.identityKind() == null ? source.kind.identity() : request.identityKind();
        if (kind != source.kind.identity() && kind != IdentityKind.EMAIL) {
            throw ApiProblem.invalidField("identityKind", "a " + source.kind + " source links "
                    + source.kind.identity() + " or EMAIL identities");
        }
        String externalId = kind.normalise(request.externalId());
        Optional<IdentityLink> existing = links.find(sourceId, kind, externalId);
        if (existing.isPresent() && !existing.get().personId.equals(request.personId())) {
            throw ApiProblem.conflict("identity-already-linked", "This " + kind + " is already linked to another person",
                    "externalId");
        }
        IdentityLink link = existing.orElseGet(() -> {
            IdentityLink l = new IdentityLink();
            l.id = UUID.randomUUID();
            l.sourceId = sourceId;
            l.identityKind = kind;
            l.externalId = externalId;
            l.personId = request.personId();
            l.createdAt = now();
            links.persistAndFlush(l);
            return l;
        });
        try (Connection c = dataSource.getConnection()) {
            int released = EventStore.releaseUnmatched(c, sourceId, source.kind, kind, externalId, request.personId(),
                    now());
            return new LinkResult(IdentityLinkResponse.of(link, released), existing.isEmpty());
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing unmatched events failed", e);
        }
    }

    public Page<IdentityLinkResponse> links(UUID sourceId, String cursor, int limit) {
        existing(sourceId);
        KeysetCursor after = decode(cursor);
        List<IdentityLink> rows = links.page(sourceId, after, after == null ? null : instant(after), limit + 1);
        boolean more = rows.size() > limit;
        List<IdentityLink> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new KeysetCursor(page.getLast().createdAt.toString(), page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(l -> IdentityLinkResponse.of(l, null)).toList(), next);
    }

    private static KeysetCursor decode(String cursor) {
        return cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
    }

    private static Instant instant(KeysetCursor cursor) {
        try {
            return Instant.parse(cursor.key());
        } catch (DateTimeParseException e) {
            throw KeysetCursor.invalid();
        }
    }

    @Transactional
    public void unlink(UUID sourceId, UUID linkId) {
        IdentityLink link = links.findByIdOptional(linkId).filter(l -> l.sourceId.equals(sourceId))
                .orElseThrow(() -> ApiProblem.notFound("Identity link", linkId));
        links.delete(link);
    }

    /** Pending unmatched events of a source, oldest first. */
    public Page<UnmatchedEventResponse> unmatched(UUID sourceId, String cursor, int limit) {
        existing(sourceId);
        KeysetCursor after = decode(cursor);
        Instant afterAt = after == null ? null : instant(after);
        String sql = """
                SELECT u.event_id, u.identity_kind, u.external_id, e.event_type, e.title, e.kind, e.occurred_at, u.queued_at
                FROM evidence.unmatched_event u JOIN evidence.ingested_event e ON e.id = u.event_id
                WHERE u.source_id = ? AND u.resolved_at IS NULL
                """ + (after == null ? "" : " AND (u.queued_at, u.event_id) > (?, ?)") + """
                 ORDER BY u.queued_at, u.event_id LIMIT ?""";
        List<UnmatchedEventResponse> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            st.setObject(i++, sourceId);
            if (after != null) {
                st.setTimestamp(i++, Timestamp.from(afterAt));
                st.setObject(i++, after.id());
            }
            st.setInt(i, limit + 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UnmatchedEventResponse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the unmatched queue failed", e);
        }
        boolean more = rows.size() > limit;
        List<UnmatchedEventResponse> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new KeysetCursor(page.getLast().queuedAt().toString(), page.getLast().eventId()).encode() : null;
        return new Page<>(List.copyOf(page), next);
    }

    private IntegrationSource existing(UUID id) {
        return sources.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Integration source", id));
    }

    private String generateSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
