package dev.ascent.kit.paging;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque and absent on the last page; pass it back as
 * {@code cursor} to read the next page.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
