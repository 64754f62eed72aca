package dev.ascent.testsupport;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * assessment-service's answer to "who has this email" for the people tests make up: the gateway finds a
 * caller by their email claim (never by the token's subject), so a test token for person {@code id}
 * carries {@link #emailOf}{@code (id)}, and this filter answers the lookup of such an email with that id.
 * It survives {@code WireMockServer.resetAll()} (it is an extension, not a stub); any other email is left
 * to the test's own stubs.
 */
public class TestPeopleDirectory implements StubRequestFilterV2 {

    public static final String DOMAIN = "people.test";
    private static final Pattern LOOKUP = Pattern.compile(
            "/api/v1/people\\?email=([0-9a-fA-F-]{36})(?:@|%40)" + Pattern.quote(DOMAIN));

    /** The email of a person the tests know only by id. */
    public static String emailOf(UUID personId) {
        return personId + "@" + DOMAIN;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        Matcher lookup = LOOKUP.matcher(URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8).replace("@", "%40"));
        if (!"GET".equals(request.getMethod().getName()) || !lookup.matches()) {
            return RequestFilterAction.continueWith(request);
        }
        String id = lookup.group(1);
        return RequestFilterAction.stopWith(ResponseDefinition.okForJson(Map.of("items",
                List.of(Map.of("id", id, "email", id + "@" + DOMAIN)))));
    }

    @Override
    public String getName() {
        return "ascent-test-people-directory";
    }
}
