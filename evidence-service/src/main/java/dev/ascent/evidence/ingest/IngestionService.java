package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.evidence.directory.PeopleDirectory;
import dev.ascent.evidence.integration.IntegrationService;
import dev.ascent.evidence.integration.IntegrationService.SourceWithSecret;
import dev.ascent.evidence.integration.SourceKind;
import dev.ascent.evidence.mapping.EvidenceMapper;
import dev.ascent.evidence.mapping.MappingRuleRepository;
import dev.ascent.kit.framework.FrameworkVocabulary;
import dev.ascent.kit.framework.PublishedFramework;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.RejectedInput;
import dev.ascent.kit.problem.Problem;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives project events: webhooks (signature checked over the raw body before anything is read
 * or written) and generic batches (validated whole, then written in one transaction under an
 * Idempotency-Key).
 */
@ApplicationScoped
public class IngestionService {

    private final IntegrationService integrations;
    private final MappingRuleRepository rules;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final EvidenceConfig config;
    private final PeopleDirectory directory;
    private final PublishedFramework framework;

    /** The enabled rules, restricted to the published framework's competencies when it could be read. */
    private EvidenceMapper mapper(Optional<FrameworkVocabulary> vocabulary) {
        EvidenceMapper all = rules.mapper();
        return vocabulary.map(v -> all.within(v.competencies())).orElse(all);
    }

    public IngestionService(IntegrationService integrations, MappingRuleRepository rules, AgroalDataSource dataSource,
                            ObjectMapper json, EvidenceConfig config, PeopleDirectory directory,
                            PublishedFramework framework) {
        this.framework = framework;
        this.directory = directory;
        this.integrations = integrations;
        this.rules = rules;
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    /** The answer to a webhook: what became of the event, or that it was a redelivery. */
    public record WebhookAnswer(UUID eventId, Outcome outcome, String reason, UUID evidenceId, boolean duplicate) {
    }

    /**
     * The answer to a batch: of the events received, how many became evidence, wait unmatched or
     * were ignored, and how many were duplicates (their externalId already applied; no effect).
     */
    public record BatchAnswer(int received, int evidence, int unmatched, int ignored, int duplicates) {
    }

    /** A batch answer ready to send, possibly replayed. */
    public record Stored(int status, String body, boolean replayed) {
    }

    public WebhookAnswer github(UUID sourceId, String event, String deliveryId, String signature, byte[] body) {
        SourceWithSecret source = source(sourceId, SourceKind.GITHUB);
        if (!WebhookSignatures.validPrefixed(source.secret(), body, signature)) {
            throw unauthorized("The X-Hub-Signature-256 signature does not match the body");
        }
        // without the event name the payload cannot be read: refused, not recorded as ignored (that
        // would spend the delivery id, and the real redelivery would be dropped as a duplicate)
        requireHeader(event, "X-GitHub-Event", "the event name header is required (at most 100 characters)", 100);
        requireDelivery(deliveryId, "X-GitHub-Delivery");
        JsonNode payload = parse(body);
        return store(source, GitHubPayloads.normalise(event, deliveryId, payload, today()));
    }

    public WebhookAnswer jira(UUID sourceId, String deliveryId, String signature, byte[] body) {
        SourceWithSecret source = source(sourceId, SourceKind.JIRA);
        if (!WebhookSignatures.validPrefixed(source.secret(), body, signature)) {
            throw unauthorized("The X-Hub-Signature signature does not match the body");
        }
        requireDelivery(deliveryId, "X-Atlassian-Webhook-Identifier");
        JsonNode payload = parse(body);
        requireEventName(payload, "webhookEvent");
        return store(source, JiraPayloads.normalise(deliveryId, payload, today()));
    }

    public WebhookAnswer linear(UUID sourceId, String deliveryId, String signature, byte[] body) {
        SourceWithSecret source = source(sourceId, SourceKind.LINEAR);
        if (!WebhookSignatures.validHex(source.secret(), body, signature)) {
            throw unauthorized("The Linear-Signature does not match the body");
        }
        JsonNode payload = parse(body);
        JsonNode timestamp = payload.get("webhookTimestamp");
        long tolerance = config.webhooks().timestampTolerance().toMillis();
        if (timestamp == null || !timestamp.canConvertToLong()
                || Math.abs(System.currentTimeMillis() - timestamp.asLong()) > tolerance) {
            throw unauthorized("The webhookTimestamp is missing or more than "
                    + config.webhooks().timestampTolerance().toSeconds() + " s from now; possible replay");
        }
        requireDelivery(deliveryId, "Linear-Delivery");
        requireEventName(payload, "type");
        requireEventName(payload, "action");
        return store(source, LinearPayloads.normalise(deliveryId, payload, today()));
    }

    /**
     * A generic batch. Everything is validated before the key is claimed; the key is claimed in
     * its own transaction; the events and the stored answer commit together, or neither does.
     */
    public Stored batch(UUID sourceId, String idempotencyKey, boolean ndjson, byte[] body) {
        SourceWithSecret source = source(sourceId, SourceKind.GENERIC);
        List<IncomingEvent> events = GenericBatch.parse(json, body, ndjson, config.limits().maxBatchEvents());
        if (idempotencyKey == null) {
            return new Stored(202, ingestBatch(source, events, null), false);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 200 characters");
        }
        String hash = hash(ndjson, body);
        IdempotencyStore.Claim claim;
        try (Connection c = dataSource.getConnection()) {
            claim = IdempotencyStore.claim(c, sourceId, idempotencyKey, hash, now(),
                    config.webhooks().idempotencyInFlightTimeout());
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming an idempotency key failed", e);
        }
        return switch (claim) {
            case IdempotencyStore.Claim.Replay r -> new Stored(r.status(), r.body(), true);
            case IdempotencyStore.Claim.Mismatch m -> throw new ApiProblem(422, "idempotency-key-reused",
                    "Idempotency key reused", "This Idempotency-Key was already used with a different request body",
                    List.of(new Problem.Violation("Idempotency-Key", "already used for a different request")));
            case IdempotencyStore.Claim.InFlight f -> throw new ApiProblem(409, "idempotency-key-in-flight",
                    "Request in progress", "A request with this Idempotency-Key is still being processed; retry later",
                    List.of(new Problem.Violation("Idempotency-Key", "in flight")));
            case IdempotencyStore.Claim.Claimed c -> {
                try {
                    yield new Stored(202, ingestBatch(source, events, idempotencyKey), false);
                } catch (RuntimeException e) {
                    release(sourceId, idempotencyKey);
                    throw e;
                }
            }
        };
    }

    private String ingestBatch(SourceWithSecret source, List<IncomingEvent> events, String idempotencyKey) {
        // asked before the transaction opens: no connection is held while assessment-service answers
        Map<String, UUID> people = directory(source, events);
        Optional<FrameworkVocabulary> vocabulary = framework.ifAvailable();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = now();
            try (Connection c = dataSource.getConnection()) {
                List<IngestedEvent> result = EventStore.ingest(c, source.id(), source.kind(), events,
                        mapper(vocabulary), people, now);
                BatchAnswer answer = new BatchAnswer(events.size(), count(result, Outcome.EVIDENCE),
                        count(result, Outcome.UNMATCHED), count(result, Outcome.IGNORED),
                        (int) result.stream().filter(IngestedEvent::duplicate).count());
                String body = json.writeValueAsString(answer);
                if (idempotencyKey != null) {
                    IdempotencyStore.complete(c, source.id(), idempotencyKey, 202, body, now);
                }
                return body;
            }
        });
    }

    private WebhookAnswer store(SourceWithSecret source, IncomingEvent event) {
        Map<String, UUID> people = directory(source, List.of(event));
        Optional<FrameworkVocabulary> vocabulary = framework.ifAvailable();
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                IngestedEvent e = EventStore.ingest(c, source.id(), source.kind(), List.of(event), mapper(vocabulary),
                        people, now()).getFirst();
                return new WebhookAnswer(e.eventId(), e.outcome(), e.reason(), e.evidenceId(), e.duplicate());
            }
        });
    }

    /** The directory's people for the events' actor emails: one call for the lot (or none, when cached). */
    private Map<String, UUID> directory(SourceWithSecret source, List<IncomingEvent> events) {
        List<String> emails = events.stream()
                .filter(e -> e.ignoredReason() == null)
                .map(e -> EventStore.actorEmail(source.kind().identity(), e.externalUser(), e.email()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return emails.isEmpty() ? Map.of() : directory.byEmail(emails);
    }

    private void release(UUID sourceId, String key) {
        try (Connection c = dataSource.getConnection()) {
            IdempotencyStore.release(c, sourceId, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing an idempotency key failed", e);
        }
    }

    private SourceWithSecret source(UUID sourceId, SourceKind kind) {
        return integrations.withSecret(sourceId).filter(s -> s.kind() == kind)
                .orElseThrow(() -> ApiProblem.notFound(kind + " integration source", sourceId));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw GenericBatch.malformed("The webhook body must be a JSON object");
            }
            return node;
        } catch (RejectedInput e) {
            throw e.asProblem("");
        } catch (JsonProcessingException e) {
            throw GenericBatch.malformed("The webhook body is not valid JSON");
        } catch (IOException e) {
            throw GenericBatch.malformed("The webhook body could not be read");
        }
    }

    private static void requireDelivery(String deliveryId, String header) {
        requireHeader(deliveryId, header, "the delivery id header is required (at most 200 characters)", 200);
    }

    private static void requireHeader(String value, String header, String message, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw ApiProblem.invalidField(header, message);
        }
    }

    /**
     * The payload field that names a Jira or Linear event (their GitHub header): without it the
     * delivery is refused, as GitHub's is without {@code X-GitHub-Event}, rather than recorded as
     * ignored under its delivery id.
     */
    private static void requireEventName(JsonNode payload, String field) {
        JsonNode name = payload.get(field);
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
            throw ApiProblem.invalidField(field, "the event name is required: a string of at most 100 characters");
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "invalid-signature", "Unauthorized", detail, List.of());
    }

    static String hash(boolean ndjson, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ndjson ? "ndjson\n" : "json\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(List<IngestedEvent> events, Outcome outcome) {
        return (int) events.stream().filter(e -> e.outcome() == outcome).count();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
