package dev.ascent.evidence.aggregate;

import dev.ascent.kit.problem.ApiProblem;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Evidence figures for other services, read with a fixed number of statements. */
@ApplicationScoped
public class AggregateService {

    private final AgroalDataSource dataSource;

    public AggregateService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT person_id, version FROM evidence.strength_version WHERE person_id = ANY (?::uuid[])")) {
            st.setArray(1, c.createArrayOf("uuid", personIds.stream().distinct().toArray()));
            List<StrengthVersions.PersonVersion> versions = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.add(new StrengthVersions.PersonVersion(rs.getObject(1, UUID.class), rs.getLong(2)));
                }
            }
            return new StrengthVersions.Response(versions);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading evidence strength versions failed", e);
        }
    }

    public CountsResponse counts(CountsRequest request) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.windows().size(); i++) {
            if (!seen.add(request.windows().get(i).personId())) {
                throw ApiProblem.invalidField("windows[" + i + "].personId", "this person already has a window");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            return EvidenceAggregates.counts(c, request.windows());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading evidence counts failed", e);
        }
    }
}
