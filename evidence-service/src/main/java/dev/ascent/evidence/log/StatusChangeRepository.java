package dev.ascent.evidence.log;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepositoryBase<StatusChange, UUID> {

    public List<StatusChange> history(UUID evidenceId) {
        return list("evidenceId = ?1 order by changedAt, id", evidenceId);
    }
}
