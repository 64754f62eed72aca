package dev.ascent.assessment.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

@ApplicationScoped
public class OrganisationService {

    private final EntityManager em;

    public OrganisationService(EntityManager em) {
        this.em = em;
    }

    public boolean founderLed() {
        return em.find(OrganisationSetting.class, true).founderLed;
    }

    @Transactional
    public OrganisationSettings update(OrganisationSettings settings) {
        OrganisationSetting row = em.find(OrganisationSetting.class, true);
        row.founderLed = settings.founderLed();
        row.updatedAt = Instant.now();
        return new OrganisationSettings(row.founderLed);
    }
}
