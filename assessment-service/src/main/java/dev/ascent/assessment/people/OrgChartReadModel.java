package dev.ascent.assessment.people;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link OrgChart} of the directory's current version. Each use reads the version (one single-row
 * statement) and reloads everyone (one statement) only when it moved; the version is read before the
 * people, so a change committed in between only makes the next use load again. Every instance of the
 * service reads the same version, so none keeps a chart another instance's change made stale.
 */
@ApplicationScoped
public class OrgChartReadModel {

    private final PersonRepository people;
    private volatile OrgChart chart;

    public OrgChartReadModel(PersonRepository people) {
        this.people = people;
    }

    public OrgChart current() {
        long version = people.directoryVersion();
        OrgChart known = chart;
        if (known != null && known.version() == version) {
            return known;
        }
        synchronized (this) {
            known = chart;
            // Another request may have loaded it meanwhile. Only an equal version counts: a database set up
            // again starts its version afresh.
            if (known != null && known.version() == version) {
                return known;
            }
            OrgChart loaded = new OrgChart(version, people.everyoneForTheChart());
            chart = loaded;
            return loaded;
        }
    }
}
