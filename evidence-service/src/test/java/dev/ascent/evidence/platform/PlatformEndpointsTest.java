package dev.ascent.evidence.platform;

import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's platform contract, for evidence-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "evidence";
    }

    @Override
    protected String role() {
        return "ascent_evidence";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/evidence?personId=00000000-0000-4000-8000-000000000001";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/evidence";
    }

    @Override
    protected String writeBody() {
        return "{\"personId\":\"00000000-0000-4000-8000-000000000001\",\"kind\":\"CUSTOMER_DISCOVERY_SESSION\",\"competencies\":[\"customer-discovery\"],\"title\":\"Forged\",\"occurredAt\":\"2026-10-02\"}";
    }

    /** personId is a UUID, whose reader trims control characters away; the title is stored as text. */
    @Override
    protected String textField() {
        return "title";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM evidence.evidence";
    }
}
