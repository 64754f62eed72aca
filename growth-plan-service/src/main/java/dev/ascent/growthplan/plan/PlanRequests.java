package dev.ascent.growthplan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send to the plan endpoints. */
public final class PlanRequests {

    static final int MIN_HORIZON = 7;
    static final int MAX_HORIZON = 365;
    static final int MAX_BULK_PEOPLE = 10_000;

    private PlanRequests() {
    }

    /** Generate a plan; {@code targetLevel} defaults to the level after the person's current one. */
    public record Generate(
            @NotNull UUID personId,
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be a level code such as SENIOR_PM") String targetLevel,
            @Min(MIN_HORIZON) @Max(MAX_HORIZON) Integer horizonDays) {
    }

    /** Regenerate an open plan, optionally with a new horizon. */
    public record Regenerate(@Min(MIN_HORIZON) @Max(MAX_HORIZON) Integer horizonDays) {
    }

    public record StatusChange(@NotNull PlanStatus status) {
    }

    /** Replace an action of the plan with another playbook action for the same competency. */
    public record Swap(@NotBlank @Size(max = 80) String actionCode) {
    }

    /**
     * A dated note; {@code date} defaults to today and may not be in the future. The author and their
     * role come from the caller; {@code authorRole} may be left out and is refused when it says otherwise.
     */
    public record NewCheckIn(AuthorRole authorRole, @NotBlank @Size(max = 4000) String note, LocalDate date) {
    }

    public record BulkStatus(@NotNull @Size(min = 1, max = MAX_BULK_PEOPLE) List<@NotNull UUID> personIds) {
    }
}
