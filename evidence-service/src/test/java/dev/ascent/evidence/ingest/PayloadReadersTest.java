package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static dev.ascent.evidence.ingest.TestSources.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Who each tool's event credits, read straight from the payload (no Quarkus, no database). */
class PayloadReadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aJiraIssueCreatedCreditsItsCreatorThenTheSenderThenTheReporter() {
        IncomingEvent story = JiraPayloads.normalise("d1", json(fixture("jira/issue_created_story.json",
                Map.of("accountId", "acc-pm", "email", "pm@example.com", "engineerId", "acc-eng"))), TODAY);
        assertThat(story.eventType()).isEqualTo("issue.created");
        assertThat(story.externalUser()).isEqualTo("acc-pm");
        assertThat(story.email()).isEqualTo("pm@example.com");
        assertThat(story.issueType()).isEqualTo("Story");

        JsonNode noCreator = json("""
                {"webhookEvent": "jira:issue_created", "user": {"accountId": "acc-sender"},
                 "issue": {"key": "SHOP-9", "fields": {"summary": "x", "reporter": {"accountId": "acc-reporter"},
                           "assignee": {"accountId": "acc-eng"}}}}""");
        assertThat(JiraPayloads.normalise("d2", noCreator, TODAY).externalUser()).isEqualTo("acc-sender");
        ((com.fasterxml.jackson.databind.node.ObjectNode) noCreator).remove("user");
        assertThat(JiraPayloads.normalise("d3", noCreator, TODAY).externalUser()).isEqualTo("acc-reporter");
    }

    @Test
    void aJiraVersionReleasedIsCreditedOnlyWhenThePayloadNamesSomeone() {
        IncomingEvent named = JiraPayloads.normalise("d1", json("""
                {"webhookEvent": "jira:version_released", "timestamp": 1759500000000,
                 "user": {"accountId": "acc-pm", "emailAddress": "pm@example.com"},
                 "version": {"name": "4.3", "description": "Reorder from history", "releaseDate": "2026-10-02"}}"""), TODAY);
        assertThat(named.ignoredReason()).isNull();
        assertThat(named.eventType()).isEqualTo("version.released");
        assertThat(named.externalUser()).isEqualTo("acc-pm");
        assertThat(named.title()).isEqualTo("Version 4.3 released");
        assertThat(named.occurredAt()).isEqualTo(LocalDate.of(2026, 10, 2));

        IncomingEvent nobody = JiraPayloads.normalise("d2", json("""
                {"webhookEvent": "jira:version_released", "version": {"name": "4.3"}}"""), TODAY);
        assertThat(nobody.ignoredReason()).isEqualTo("the payload names nobody who released the version");
        IncomingEvent app = JiraPayloads.normalise("d3", json("""
                {"webhookEvent": "jira:version_released", "user": {"accountId": "acc-bot", "accountType": "app",
                 "displayName": "Release train"}, "version": {"name": "4.3"}}"""), TODAY);
        assertThat(app.ignoredReason()).isEqualTo("sent by the app account Release train: automation is nobody's evidence");
    }

    @Test
    void githubBotsAreKnownByTypeOrLogin() {
        assertThat(GitHubPayloads.isBot(json("{\"login\": \"dependabot[bot]\", \"type\": \"User\"}"))).isTrue();
        assertThat(GitHubPayloads.isBot(json("{\"login\": \"release-train\", \"type\": \"Bot\"}"))).isTrue();
        assertThat(GitHubPayloads.isBot(json("{\"login\": \"reviewer-bot\", \"type\": \"User\"}"))).isFalse();
        assertThat(GitHubPayloads.isBot(null)).isFalse();
        // a human's pull request merged by a merge bot is still the human's
        String payload = fixture("github/pull_request_merged.json", Map.of("login", "octo-ada")).replace(
                "\"sender\": { \"login\": \"reviewer-bot\", \"id\": 1, \"type\": \"User\" }",
                "\"sender\": { \"login\": \"merge-queue[bot]\", \"id\": 1, \"type\": \"Bot\" }");
        assertThat(payload).contains("merge-queue[bot]");
        IncomingEvent merged = GitHubPayloads.normalise("pull_request", "d1", json(payload), TODAY);
        assertThat(merged.ignoredReason()).isNull();
        assertThat(merged.externalUser()).isEqualTo("octo-ada");
    }
}
