package dev.ascent.kit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ascent.kit.problem.RejectedInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputGuardsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(InputGuards.module());

    record Item(String title, List<String> links, Map<String, String> attributes, JsonNode payload) {
    }

    record Dated(LocalDate day, Instant at, OffsetDateTime offset, LocalDateTime local) {
    }

    record Formatted(@com.fasterxml.jackson.annotation.JsonFormat(pattern = "dd.MM.uuuu") LocalDate day) {
    }

    private String fieldOf(String body, Class<?> type) {
        try {
            json.readValue(body, type);
        } catch (RejectedInput e) {
            return e.field();
        } catch (Exception e) {
            throw new AssertionError("expected a RejectedInput, got " + e, e);
        }
        throw new AssertionError("accepted " + body);
    }

    @Test
    void theNulCharacterIsRefusedWhereverTextArrivesAndTheFieldIsNamed() {
        assertThat(fieldOf("{\"title\":\"a\\u0000b\"}", Item.class)).isEqualTo("title");
        assertThat(fieldOf("{\"links\":[\"ok\",\"\\u0000\"]}", Item.class)).isEqualTo("links[1]");
        assertThat(fieldOf("{\"attributes\":{\"k\":\"v\\u0000\"}}", Item.class)).isEqualTo("attributes.k");
        assertThat(fieldOf("{\"attributes\":{\"k\\u0000\":\"v\"}}", Item.class)).startsWith("attributes");
        assertThat(fieldOf("{\"payload\":{\"pr\":{\"labels\":[{\"name\":\"x\\u0000\"}]}}}", Item.class))
                .isEqualTo("payload.pr.labels[0].name");
        assertThat(fieldOf("[{\"ok\":1},{\"title\":\"\\u0000\"}]", JsonNode.class)).isEqualTo("[1].title");
        assertThat(fieldOf("{\"o\":{\"a\\u0000\":1}}", JsonNode.class)).isEqualTo("o");
    }

    @Test
    void ordinaryTextAndTreesPassUntouched() throws Exception {
        Item item = json.readValue("{\"title\":\"Shipped \\u00e9 \\t\",\"links\":[\"x\"],\"attributes\":{\"k\":\"v\"},"
                + "\"payload\":{\"n\":[1,null,\"s\"]}}", Item.class);
        assertThat(item.title()).isEqualTo("Shipped é \t");
        assertThat(item.payload().get("n").get(2).asText()).isEqualTo("s");
        assertThat(item.attributes()).containsEntry("k", "v");
        assertThat(json.readTree("null").isNull()).isTrue();
        // as with Jackson alone, a JSON null in a tree field is a NullNode
        assertThat(json.readValue("{\"payload\":null}", Item.class).payload().isNull()).isTrue();
    }

    @Test
    void datesOutsideTheYears1To9999AreRefused() {
        for (String day : List.of("+9999999-01-01", "-0044-03-15", "0000-12-31", "+10000-01-01")) {
            assertThat(fieldOf("{\"day\":\"" + day + "\"}", Dated.class)).isEqualTo("day");
        }
        assertThat(fieldOf("{\"at\":\"+10000-01-01T00:00:00Z\"}", Dated.class)).isEqualTo("at");
        assertThat(fieldOf("{\"at\":\"-0001-12-31T23:59:59Z\"}", Dated.class)).isEqualTo("at");
        assertThat(fieldOf("{\"offset\":\"+12345-01-01T00:00:00+02:00\"}", Dated.class)).isEqualTo("offset");
        assertThat(fieldOf("{\"local\":\"0000-06-01T00:00:00\"}", Dated.class)).isEqualTo("local");
    }

    @Test
    void theEdgesOfTheRangeAreKept() throws Exception {
        Dated first = json.readValue("{\"day\":\"0001-01-01\",\"at\":\"0001-01-01T00:00:00Z\"}", Dated.class);
        assertThat(first.day()).isEqualTo(LocalDate.of(1, 1, 1));
        Dated last = json.readValue("{\"day\":\"9999-12-31\",\"at\":\"9999-12-31T23:59:59.999999999Z\","
                + "\"local\":\"9999-12-31T23:59:59\"}", Dated.class);
        assertThat(last.at()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
        assertThat(InputGuards.storable((Instant) null)).isTrue();
        assertThat(InputGuards.storable((LocalDate) null)).isTrue();
        assertThat(InputGuards.storable((String) null)).isTrue();
        assertThat(InputGuards.storable(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(InputGuards.storable(LocalDate.of(1, 1, 1))).isTrue();
        assertThat(InputGuards.storable(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(InputGuards.storable(LocalDate.of(0, 1, 1))).isFalse();
    }

    @Test
    void aFieldsOwnDateFormatStillApplies() throws Exception {
        assertThat(json.readValue("{\"day\":\"24.12.2026\"}", Formatted.class).day()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(fieldOf("{\"day\":\"24.12.0000\"}", Formatted.class)).isEqualTo("day");
    }

    @Test
    void aRejectionNamesItsFieldUnderWhereTheDocumentSits() throws Exception {
        RejectedInput inArray = rejection("[{\"ok\":1},{\"title\":\"\\u0000\"}]");
        assertThat(inArray.reason()).isEqualTo(InputGuards.NUL_REASON);
        assertThat(inArray.asProblem("events").violations()).extracting(v -> v.field()).containsExactly("events[1].title");
        RejectedInput inObject = rejection("{\"pull_request\":{\"title\":\"\\u0000\"}}");
        assertThat(inObject.asProblem("").violations()).extracting(v -> v.field()).containsExactly("pull_request.title");
        assertThat(inObject.asProblem(null).violations()).extracting(v -> v.field()).containsExactly("pull_request.title");
        assertThat(inObject.asProblem("events[2]").violations()).extracting(v -> v.field())
                .containsExactly("events[2].pull_request.title");
        RejectedInput atRoot = rejection("\"\\u0000\"");
        assertThat(atRoot.asProblem("events[4]").violations()).extracting(v -> v.field()).containsExactly("events[4]");
        assertThat(atRoot.asProblem("events[4]").status()).isEqualTo(400);
    }

    private RejectedInput rejection(String body) {
        try {
            json.readTree(body);
        } catch (RejectedInput e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + body);
    }
}
