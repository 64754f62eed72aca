package dev.ascent.demo;

/** An answer the demo did not expect: the loader stops and says what the platform said. */
public final class DemoFailure extends RuntimeException {

    public DemoFailure(String message) {
        super(message);
    }
}
