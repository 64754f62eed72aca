package dev.ascent.gateway.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An integration's key to push to its own source. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(nullable = false)
    public String name;

    /** The first characters of the key, so people can tell their keys apart. */
    @Column(nullable = false)
    public String prefix;

    @Column(name = "key_hash", nullable = false)
    public byte[] keyHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
