package dev.ascent.assessment.framework;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FrameworkVersionRepository implements PanacheRepositoryBase<FrameworkVersion, Integer> {

    public Optional<FrameworkVersion> latestPublished() {
        return find("status = ?1 order by version desc", FrameworkVersion.Status.PUBLISHED).firstResultOptional();
    }

    /**
     * The newest published version's number only: readiness asks on every call, and loading the entity
     * would read its whole document (about 20 KB) into the session each time. Published versions never
     * change, so the caller keeps their parsed documents by number.
     */
    public Optional<Integer> latestPublishedVersion() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(v.version) from FrameworkVersion v where v.status = :published", Integer.class)
                .setParameter("published", FrameworkVersion.Status.PUBLISHED)
                .getSingleResult());
    }

    public Optional<FrameworkVersion> draft() {
        return find("status", FrameworkVersion.Status.DRAFT).firstResultOptional();
    }

    public int nextVersion() {
        Integer max = getEntityManager().createQuery("select max(v.version) from FrameworkVersion v", Integer.class)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** The highest revision of the shipped default ever published, if any was. */
    public Optional<Integer> newestShippedRevision() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(v.defaultRevision) from FrameworkVersion v", Integer.class)
                .getSingleResult());
    }

    /** Serialises start-up publishing across instances until the transaction ends. */
    public void lockPublishing() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('assessment.framework_version'))")
                .getSingleResult();
    }

    public List<FrameworkVersion> newestFirst() {
        return find("order by version desc").list();
    }
}
