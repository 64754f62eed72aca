package dev.ascent.growthplan.playbook;

import java.time.Instant;

/** What a client learns about one published playbook version. */
public record PlaybookVersionResponse(int version, String source, int actionCount, String description,
                                      Instant createdAt) {
}
