-- The evidence log: dated records of a person's work, each supporting one or more competencies.
-- Competency codes and kinds are the shared vocabulary of docs/service-contracts.md; the service
-- validates competency codes, the database guards kinds, sources and statuses.
CREATE TABLE evidence.integration_source (
    id               uuid        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('GITHUB', 'JIRA', 'LINEAR', 'GENERIC')),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- AES-GCM: 12-byte nonce followed by the ciphertext and tag; the key comes from configuration.
    secret_encrypted bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);

-- Who someone is in a tool: GitHub login, Jira accountId, Linear user id or email -> person.
-- Logins and emails are stored lower-cased.
CREATE TABLE evidence.identity_link (
    id            uuid        PRIMARY KEY,
    source_id     uuid        NOT NULL REFERENCES evidence.integration_source (id) ON DELETE CASCADE,
    identity_kind text        NOT NULL CHECK (identity_kind IN ('GITHUB_LOGIN', 'JIRA_ACCOUNT_ID', 'LINEAR_USER_ID', 'EMAIL')),
    external_id   text        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 320),
    person_id     uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT identity_link_unique UNIQUE (source_id, identity_kind, external_id)
);
CREATE INDEX identity_link_person_idx ON evidence.identity_link (person_id);

-- Rules that turn ingested project events into suggested evidence. Every non-empty criterion must
-- match; the enabled rule with the lowest priority wins.
CREATE TABLE evidence.mapping_rule (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    priority     integer     NOT NULL,
    enabled      boolean     NOT NULL DEFAULT true,
    source       text        CHECK (source IN ('GITHUB', 'JIRA', 'LINEAR', 'GENERIC')),
    event_types  text[]      NOT NULL DEFAULT '{}',
    labels       text[]      NOT NULL DEFAULT '{}',
    issue_types  text[]      NOT NULL DEFAULT '{}',
    components   text[]      NOT NULL DEFAULT '{}',
    keywords     text[]      NOT NULL DEFAULT '{}',
    kind         text        NOT NULL,
    competencies text[]      NOT NULL CHECK (cardinality(competencies) >= 1),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0
);

-- Every event an integration delivered, whatever became of it. Delivery ids make webhook
-- redeliveries a no-op; batch events have none (the Idempotency-Key covers them).
CREATE TABLE evidence.ingested_event (
    id             uuid        PRIMARY KEY,
    source_id      uuid        NOT NULL REFERENCES evidence.integration_source (id) ON DELETE CASCADE,
    delivery_id    text,
    event_type     text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('EVIDENCE', 'IGNORED', 'UNMATCHED')),
    reason         text,
    identity_kind  text,
    external_id    text,
    person_id      uuid,
    title          text,
    summary        text,
    links          text[]      NOT NULL DEFAULT '{}',
    occurred_at    date,
    rule_id        uuid,
    kind           text,
    competencies   text[]      NOT NULL DEFAULT '{}',
    received_at    timestamptz NOT NULL,
    CONSTRAINT ingested_event_delivery_unique UNIQUE (source_id, delivery_id)
);

-- Events whose user has no identity link yet; linking the identity turns them into evidence.
CREATE TABLE evidence.unmatched_event (
    event_id      uuid        PRIMARY KEY REFERENCES evidence.ingested_event (id) ON DELETE CASCADE,
    source_id     uuid        NOT NULL REFERENCES evidence.integration_source (id) ON DELETE CASCADE,
    identity_kind text        NOT NULL,
    external_id   text        NOT NULL,
    -- the user's email when the tool sent one: linking that email resolves the event too
    email         text,
    queued_at     timestamptz NOT NULL,
    resolved_at   timestamptz,
    person_id     uuid
);
CREATE INDEX unmatched_pending_idx ON evidence.unmatched_event (source_id, identity_kind, external_id)
    WHERE resolved_at IS NULL;
CREATE INDEX unmatched_pending_email_idx ON evidence.unmatched_event (source_id, email)
    WHERE resolved_at IS NULL AND email IS NOT NULL;

CREATE TABLE evidence.evidence (
    id              uuid        PRIMARY KEY,
    person_id       uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('DELIVERY', 'CUSTOMER_DISCOVERY_SESSION', 'UNOWNED_PROBLEM',
                                    'CROSS_FUNCTIONAL_ROTATION', 'CUSTOMER_FACING_SESSION', 'RELATIONSHIP_BUILT',
                                    'STRATEGIC_RECOMMENDATION', 'DECISION_CLARIFIED', 'LAUNCH_OUTCOME',
                                    'PEOPLE_DEVELOPMENT', 'OTHER')),
    -- varchar[] rather than text[]: what Hibernate binds for String[], so array operators match.
    competencies    varchar[]   NOT NULL CHECK (cardinality(competencies) >= 1),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary         text,
    links           text[]      NOT NULL DEFAULT '{}',
    impact          text,
    occurred_at     date        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('MANUAL', 'GITHUB', 'JIRA', 'LINEAR', 'GENERIC')),
    status          text        NOT NULL CHECK (status IN ('SUGGESTED', 'CONFIRMED', 'VERIFIED', 'REJECTED')),
    source_id       uuid        REFERENCES evidence.integration_source (id) ON DELETE SET NULL,
    source_event_id uuid        REFERENCES evidence.ingested_event (id) ON DELETE SET NULL,
    rule_id         uuid        REFERENCES evidence.mapping_rule (id) ON DELETE SET NULL,
    created_by      uuid,
    confirmed_by    uuid,
    confirmed_at    timestamptz,
    verified_by     uuid,
    verified_at     timestamptz,
    rejected_by     uuid,
    rejected_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX evidence_person_occurred_idx ON evidence.evidence (person_id, occurred_at DESC, id DESC);
CREATE INDEX evidence_competencies_idx ON evidence.evidence USING gin (competencies);

-- Who changed an item's status, when, and from what: the audit trail of the status flow.
CREATE TABLE evidence.status_change (
    id          uuid        PRIMARY KEY,
    evidence_id uuid        NOT NULL REFERENCES evidence.evidence (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    actor_id    uuid,
    reason      text,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX status_change_evidence_idx ON evidence.status_change (evidence_id, changed_at);

-- Idempotency-Key records of the batch API: one effect per (source, key); the answer is replayed.
CREATE TABLE evidence.idempotency_record (
    source_id       uuid        NOT NULL REFERENCES evidence.integration_source (id) ON DELETE CASCADE,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz,
    PRIMARY KEY (source_id, idempotency_key)
);
