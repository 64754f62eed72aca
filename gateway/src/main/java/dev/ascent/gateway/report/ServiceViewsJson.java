package dev.ascent.gateway.report;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the services' bulk answers for a report on a streaming parser, straight into
 * {@link ServiceViews}. For a 10,000-person team they are about 13 MB, and object mapping spent
 * most of the gateway's time per report creating records through their constructors. Unknown fields
 * are skipped, as the views' {@code @JsonIgnoreProperties} promise; a field of the wrong shape is an
 * unreadable answer ({@code ServiceViewsJsonTest} holds these readers to the object mapper's reading).
 */
final class ServiceViewsJson {

    /** Reads one value at the parser's current token. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    private ServiceViewsJson() {
    }

    static <T> T read(JsonParser p, Reader<T> reader) throws IOException {
        p.nextToken();
        T value = reader.read(p);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "more than one JSON value");
        }
        return value;
    }

    static ServiceViews.Team team(JsonParser p) throws IOException {
        UUID managerId = null;
        List<ServiceViews.Member> people = null;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "managerId" -> managerId = uuid(p);
                case "people" -> people = list(p, ServiceViewsJson::member);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.Team(managerId, people);
    }

    private static ServiceViews.Member member(JsonParser p) throws IOException {
        UUID id = null;
        UUID managerId = null;
        String name = null;
        String email = null;
        String level = null;
        String targetLevel = null;
        int depth = 0;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "id" -> id = uuid(p);
                case "name" -> name = text(p);
                case "email" -> email = text(p);
                case "level" -> level = text(p);
                case "targetLevel" -> targetLevel = text(p);
                case "managerId" -> managerId = uuid(p);
                case "depth" -> depth = integer(p, 0);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.Member(id, name, email, level, targetLevel, managerId, depth);
    }

    /**
     * Bulk readiness in assessment-service's compact layout ({@code readiness/bulk/columns}): the
     * competency codes once, then each person as an array naming them by position.
     */
    static ServiceViews.BulkReadiness readinessColumns(JsonParser p) throws IOException {
        List<String> codes = List.of();
        List<ServiceViews.Readiness> people = null;
        List<ServiceViews.CompetencyTotal> totals = null;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "codes" -> codes = list(p, ServiceViewsJson::text);
                case "people" -> {
                    List<String> known = codes; // written before the people
                    people = list(p, q -> personColumns(q, known));
                }
                case "competencyTotals" -> totals = list(p, ServiceViewsJson::total);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.BulkReadiness(people, totals);
    }

    /**
     * {@code [personId, targetLevel, readinessPercent, status, lastAssessmentAt, [gap, ...],
     * [competency, expected, rating, ...] or null, [competency, signal, ...]]}, competencies by position in {@code codes}.
     */
    private static ServiceViews.Readiness personColumns(JsonParser p, List<String> codes) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        p.nextToken();
        UUID personId = uuid(p);
        p.nextToken();
        String targetLevel = text(p);
        p.nextToken();
        Integer percent = integer(p, null);
        p.nextToken();
        String status = text(p);
        p.nextToken();
        String at = text(p);
        Instant lastAssessmentAt = at == null ? null : parseInstant(p, at);
        p.nextToken();
        List<String> topGaps = new ArrayList<>(3);
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            topGaps.add(code(p, codes));
        }
        p.nextToken();
        Map<String, TeamReport.Cell> cells = null;
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            expect(p, JsonToken.START_ARRAY);
            CompetencyCells.Builder builder = new CompetencyCells.Builder(codes);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int position = position(p, codes);
                p.nextToken();
                int expected = integer(p, 0);
                p.nextToken();
                builder.put(position, expected, decimal(p));
            }
            cells = builder.build();
        }
        p.nextToken();
        List<TeamReport.Signal> signals = new ArrayList<>(0);
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String code = code(p, codes);
            p.nextToken();
            signals.add(new TeamReport.Signal(code, text(p)));
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "a person's readiness has more than eight columns");
        }
        return new ServiceViews.Readiness(personId, targetLevel, percent, status, topGaps, lastAssessmentAt, cells,
                signals);
    }

    private static String code(JsonParser p, List<String> codes) throws IOException {
        return codes.get(position(p, codes));
    }

    private static int position(JsonParser p, List<String> codes) throws IOException {
        Integer at = integer(p, null);
        if (at == null || at < 0 || at >= codes.size()) {
            throw new JsonParseException(p, "no competency code at position " + at);
        }
        return at;
    }

    private static Instant parseInstant(JsonParser p, String text) throws IOException {
        try {
            return InstantText.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new JsonParseException(p, "not an instant: " + text);
        }
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new JsonParseException(p, "expected " + token + ", found " + p.currentToken());
        }
    }

    private static ServiceViews.CompetencyTotal total(JsonParser p) throws IOException {
        String competency = null;
        int rated = 0;
        int expectedOf = 0;
        double ratingSum = 0;
        double expectedSum = 0;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "competency" -> competency = text(p);
                case "rated" -> rated = integer(p, 0);
                case "ratingSum" -> ratingSum = decimal(p, 0.0);
                case "expectedOf" -> expectedOf = integer(p, 0);
                case "expectedSum" -> expectedSum = decimal(p, 0.0);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.CompetencyTotal(competency, rated, ratingSum, expectedOf, expectedSum);
    }

    static ServiceViews.Counts counts(JsonParser p) throws IOException {
        List<ServiceViews.Count> counts = null;
        for (String field = start(p); field != null; field = next(p)) {
            if (field.equals("counts")) {
                counts = list(p, ServiceViewsJson::count);
            } else {
                p.skipChildren();
            }
        }
        return new ServiceViews.Counts(counts);
    }

    private static ServiceViews.Count count(JsonParser p) throws IOException {
        UUID personId = null;
        String kind = null;
        String competency = null;
        int count = 0;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "personId" -> personId = uuid(p);
                case "kind" -> kind = text(p);
                case "competency" -> competency = text(p);
                case "count" -> count = integer(p, 0);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.Count(personId, kind, competency, count);
    }

    static ServiceViews.BulkPlans plans(JsonParser p) throws IOException {
        List<ServiceViews.PlanStatus> people = null;
        for (String field = start(p); field != null; field = next(p)) {
            if (field.equals("people")) {
                people = list(p, ServiceViewsJson::plan);
            } else {
                p.skipChildren();
            }
        }
        return new ServiceViews.BulkPlans(people);
    }

    private static ServiceViews.PlanStatus plan(JsonParser p) throws IOException {
        UUID personId = null;
        UUID planId = null;
        String status = null;
        Integer progress = null;
        for (String field = start(p); field != null; field = next(p)) {
            switch (field) {
                case "personId" -> personId = uuid(p);
                case "planId" -> planId = uuid(p);
                case "status" -> status = text(p);
                case "progressPercent" -> progress = integer(p, null);
                default -> p.skipChildren();
            }
        }
        return new ServiceViews.PlanStatus(personId, planId, status, progress);
    }

    // ---- tokens -----------------------------------------------------------------------------------

    /** At an object's start: its first field's name, its value current. Null for an empty object. */
    private static String start(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected an object, found " + p.currentToken());
        }
        return next(p);
    }

    /** After a value: the next field's name with its value current, or null at the object's end. */
    private static String next(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        String name = p.currentName();
        p.nextToken();
        return name;
    }

    /** An array of values (null stays null); the parser ends on the array's last token. */
    private static <T> List<T> list(JsonParser p, Reader<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "expected an array, found " + p.currentToken());
        }
        List<T> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.currentToken() == JsonToken.VALUE_NULL ? null : element.read(p));
        }
        return values;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "expected a string, found " + token);
        }
        return p.getText();
    }

    private static UUID uuid(JsonParser p) throws IOException {
        String text = text(p);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, "not a UUID: " + text);
        }
    }

    private static Integer integer(JsonParser p, Integer ifNull) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return ifNull;
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(p, "expected a whole number, found " + token);
        }
        return p.getIntValue();
    }

    private static Double decimal(JsonParser p) throws IOException {
        return decimal(p, null);
    }

    private static Double decimal(JsonParser p, Double ifNull) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return ifNull;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new JsonParseException(p, "expected a number, found " + token);
        }
        return p.getDoubleValue();
    }
}
