package dev.ascent.evidence.integration;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    /** One page of a source's links in creation order, after {@code after} (or from the start). */
    public List<IdentityLink> page(UUID sourceId, KeysetCursor after, Instant afterAt, int limit) {
        if (after == null) {
            return find("sourceId = ?1 order by createdAt, id", sourceId).page(0, limit).list();
        }
        return find("sourceId = :source and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                Parameters.with("source", sourceId).and("at", afterAt).and("id", after.id())).page(0, limit).list();
    }

    public java.util.Optional<IdentityLink> find(UUID sourceId, IdentityKind kind, String externalId) {
        return find("sourceId = ?1 and identityKind = ?2 and externalId = ?3", sourceId, kind, externalId)
                .firstResultOptional();
    }
}
