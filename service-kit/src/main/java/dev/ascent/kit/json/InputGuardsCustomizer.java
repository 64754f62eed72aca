package dev.ascent.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Puts {@link InputGuards} on the mapper Quarkus REST reads every request body with. */
@Singleton
public class InputGuardsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(InputGuards.module());
    }

    /** Applied after the built-in modules, so these deserializers take precedence over theirs. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
