package dev.ascent.growthplan.playbook;

import dev.ascent.kit.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlaybookRepository implements PanacheRepositoryBase<PlaybookVersion, UUID> {

    public Optional<PlaybookVersion> latest() {
        return find("order by version desc").firstResultOptional();
    }

    public Optional<PlaybookVersion> byVersion(int version) {
        return find("version", version).firstResultOptional();
    }

    public int highestVersion() {
        Integer highest = getEntityManager()
                .createQuery("select max(v.version) from PlaybookVersion v", Integer.class).getSingleResult();
        return highest == null ? 0 : highest;
    }

    /** The highest shipped revision ever published; null when none was. */
    public Integer newestShippedRevision() {
        return getEntityManager()
                .createQuery("select max(v.defaultRevision) from PlaybookVersion v", Integer.class).getSingleResult();
    }

    /** One page in creation order, starting after {@code after} (or at the start). */
    public List<PlaybookVersion> page(KeysetCursor after, int limit) {
        if (after == null) {
            return find("order by createdAt, id").page(0, limit).list();
        }
        return find("createdAt > :at or (createdAt = :at and id > :id) order by createdAt, id",
                Parameters.with("at", after.createdAt()).and("id", after.id()))
                .page(0, limit).list();
    }
}
