package dev.ascent.kit.answers;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Marks every {@linkplain IncompleteAnswer incomplete answer} with {@value #HEADER}, whichever resource made it. */
@Provider
public class IncompleteAnswers implements ContainerResponseFilter {

    /** Present (as {@code true}) only on an incomplete answer. */
    public static final String HEADER = "X-Ascent-Incomplete";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof IncompleteAnswer answer && answer.incomplete()) {
            response.getHeaders().putSingle(HEADER, "true");
        }
    }
}
