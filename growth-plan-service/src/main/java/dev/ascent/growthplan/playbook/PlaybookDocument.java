package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * A whole playbook as admins import and export it (YAML or JSON). The service numbers versions;
 * {@code description} says what changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaybookDocument(String description, List<PlaybookAction> actions) {

    public Optional<PlaybookAction> action(String code) {
        return actions.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
