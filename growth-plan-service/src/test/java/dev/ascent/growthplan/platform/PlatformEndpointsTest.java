package dev.ascent.growthplan.platform;

import dev.ascent.kit.testing.PlatformContract;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's platform contract, for growth-plan-service. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
class PlatformEndpointsTest extends PlatformContract {

    @Override
    protected String schema() {
        return "growth_plan";
    }

    @Override
    protected String role() {
        return "ascent_growth_plan";
    }

    @Override
    protected String protectedRead() {
        return "api/v1/playbook/versions";
    }

    @Override
    protected String protectedWrite() {
        return "api/v1/playbook/versions";
    }

    @Override
    protected String writeBody() {
        return "{\"actions\":[]}";
    }

    @Override
    protected String rowsTheWriteWouldAdd() {
        return "SELECT count(*) FROM growth_plan.playbook_version";
    }
}
