package dev.ascent.assessment.platform;

import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's platform contract, for assessment-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "assessment";
    }

    @Override
    protected String role() {
        return "ascent_assessment";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/people";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/people";
    }

    @Override
    protected String writeBody() {
        return "{\"name\":\"Forged Person\",\"email\":\"forged@example.com\",\"level\":\"PM\",\"targetLevel\":\"SENIOR_PM\"}";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM assessment.person";
    }
}
