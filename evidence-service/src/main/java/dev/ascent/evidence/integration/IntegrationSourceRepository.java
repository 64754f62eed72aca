package dev.ascent.evidence.integration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntegrationSourceRepository implements PanacheRepositoryBase<IntegrationSource, UUID> {

    public List<IntegrationSource> ordered() {
        return list("order by createdAt, id");
    }
}
