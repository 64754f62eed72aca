package dev.ascent.evidence.integration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    public List<IdentityLink> ofSource(UUID sourceId) {
        return list("sourceId = ?1 order by createdAt, id", sourceId);
    }

    public boolean exists(UUID sourceId, IdentityKind kind, String externalId) {
        return count("sourceId = ?1 and identityKind = ?2 and externalId = ?3", sourceId, kind, externalId) > 0;
    }
}
