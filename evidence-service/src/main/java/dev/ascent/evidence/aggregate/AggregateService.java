package dev.ascent.evidence.aggregate;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.sql.IdArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Evidence figures for other services, read with a fixed number of statements. */
@ApplicationScoped
public class AggregateService {

    private final AgroalDataSource dataSource;
    private final CountsReadModel counted;

    public AggregateService(AgroalDataSource dataSource, EvidenceConfig config) {
        this.dataSource = dataSource;
        this.counted = new CountsReadModel(config.readModel().countsWindows());
    }

    public StrengthResponse strength(StrengthRequest request) {
        LocalDate asOf = request.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : request.asOf();
        try (Connection c = dataSource.getConnection()) {
            return EvidenceAggregates.strength(c, request.personIds(), asOf, Boolean.TRUE.equals(request.includeItems()));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading evidence strength failed", e);
        }
    }

    /** One statement whatever the number of people. */
    public StrengthVersions.Response strengthVersions(List<UUID> personIds) {
        try (Connection c = dataSource.getConnection()) {
            List<StrengthVersions.PersonVersion> versions = new ArrayList<>();
            versions(c, personIds).forEach((person, version) -> versions.add(new StrengthVersions.PersonVersion(person, version)));
            return new StrengthVersions.Response(versions);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading evidence strength versions failed", e);
        }
    }

    /** The people's counted-evidence versions; someone who never had counted evidence has none (version 0). */
    private static Map<UUID, Long> versions(Connection c, List<UUID> personIds) throws SQLException {
        String[] ids = personIds.stream().map(UUID::toString).distinct().toArray(String[]::new);
        try (PreparedStatement st = IdArrays.prepare(c,
                "SELECT person_id, version FROM evidence.strength_version WHERE person_id = ANY(?::uuid[])", ids.length)) {
            IdArrays.bind(st, 1, ids);
            Map<UUID, Long> versions = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
            return versions;
        }
    }

    public CountsResponse counts(CountsRequest request) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.windows().size(); i++) {
            if (!seen.add(request.windows().get(i).personId())) {
                throw ApiProblem.invalidField("windows[" + i + "].personId", "this person already has a window");
            }
        }
        // Two statements whatever the number of windows or how many are known: the versions, then the
        // counts of the windows whose version moved (none at all costs an empty statement, not a branch).
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Long> versions = versions(c, request.windows().stream().map(CountsRequest.Window::personId).toList());
            List<CountsResponse.Count> counts = new ArrayList<>();
            List<CountsRequest.Window> stale = new ArrayList<>();
            for (CountsRequest.Window window : request.windows()) {
                List<CountsResponse.Count> known = counted.current(CountsReadModel.Window.of(window),
                        versions.getOrDefault(window.personId(), 0L));
                if (known == null) {
                    stale.add(window);
                } else {
                    counts.addAll(known);
                }
            }
            List<CountsResponse.Count> fresh = EvidenceAggregates.counts(c, stale).counts();
            Map<UUID, List<CountsResponse.Count>> freshByPerson = new HashMap<>();
            for (CountsResponse.Count count : fresh) {
                freshByPerson.computeIfAbsent(count.personId(), k -> new ArrayList<>()).add(count);
            }
            for (CountsRequest.Window window : stale) {
                counted.remember(CountsReadModel.Window.of(window), versions.getOrDefault(window.personId(), 0L),
                        freshByPerson.getOrDefault(window.personId(), List.of()));
            }
            counts.addAll(fresh);
            return new CountsResponse(counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading evidence counts failed", e);
        }
    }
}
