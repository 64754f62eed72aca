package dev.ascent.kit.answers;

/**
 * An answer that can be made without one of the parts it depends on (evidence-service unreachable, so
 * readiness without evidence, a plan without progress): while {@link #incomplete()}, it goes out with
 * {@value IncompleteAnswers#HEADER}, which tells the gateway not to keep it as the person's answer
 * (docs/service-contracts.md). The same answer complete is kept until something of the person's changes.
 */
public interface IncompleteAnswer {

    /** Whether a part this answer depends on was missing when it was made. */
    boolean incomplete();
}
