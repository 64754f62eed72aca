package dev.ascent.assessment.framework;

import java.time.Instant;

public record FrameworkVersionSummary(int version, FrameworkVersion.Status status, String name,
                                      Instant createdAt, Instant publishedAt) {

    static FrameworkVersionSummary of(FrameworkVersion v) {
        return new FrameworkVersionSummary(v.version, v.status, v.name, v.createdAt, v.publishedAt);
    }
}
