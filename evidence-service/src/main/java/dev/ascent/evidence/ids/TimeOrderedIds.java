package dev.ascent.evidence.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows created together
 * get neighbouring keys, so a batch of 1,000 events lands on a few right-hand pages of each primary
 * key index instead of 1,000 random ones; with random (version 4) ids every batch dirtied, and
 * after a checkpoint logged whole, pages all over the indexes. Ids stay unique and unguessable
 * enough for keys; access never relies on an id being secret.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
