package io.vertebra.kit.live;

import java.util.List;

/** One page of a live resource's list, in its {@link Ordering}; {@code nextCursor} is null on the last page. */
public record LivePage(List<LiveRecord> records, String nextCursor) {
}
