package dev.ascent.assessment.framework;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A new installation: the empty database gets the shipped framework as version 1, with its revision. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class ShippedFrameworkFreshInstallationTest {

    @Inject
    DefaultFrameworkLoader loader;

    @Inject
    DataSource dataSource;

    @Test
    void versionOneIsTheShippedRevisionAndLaterStartsAddNothing() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, default_revision FROM assessment.framework_version WHERE version = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PUBLISHED");
            assertThat(rs.getInt(2)).isEqualTo(DefaultFrameworkLoader.readShipped().revision());
        }
        assertThat(loader.publishShippedDefault().decision().outcome()).isEqualTo(ShippedDefaultRule.Outcome.ALREADY_PUBLISHED);
    }
}
