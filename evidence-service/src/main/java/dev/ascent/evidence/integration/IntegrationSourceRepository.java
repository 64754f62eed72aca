package dev.ascent.evidence.integration;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntegrationSourceRepository implements PanacheRepositoryBase<IntegrationSource, UUID> {

    /** One page in registration order, after {@code after} (or from the start). */
    public List<IntegrationSource> page(KeysetCursor after, Instant afterAt, int limit) {
        if (after == null) {
            return find("order by createdAt, id").page(0, limit).list();
        }
        return find("createdAt > :at or (createdAt = :at and id > :id) order by createdAt, id",
                Parameters.with("at", afterAt).and("id", after.id())).page(0, limit).list();
    }
}
