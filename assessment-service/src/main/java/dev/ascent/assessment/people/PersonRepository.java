package dev.ascent.assessment.people;

import dev.ascent.assessment.paging.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, java.util.UUID> {

    public boolean emailTaken(String email) {
        return count("email", email) > 0;
    }

    /** One page in creation order, starting after {@code after} (or at the start). */
    public List<Person> page(KeysetCursor after, int limit) {
        if (after == null) {
            return find("order by createdAt, id").page(0, limit).list();
        }
        return find("createdAt > :at or (createdAt = :at and id > :id) order by createdAt, id",
                Parameters.with("at", after.createdAt()).and("id", after.id()))
                .page(0, limit).list();
    }
}
