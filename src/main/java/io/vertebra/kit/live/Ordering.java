package io.vertebra.kit.live;

/**
 * The order of a live resource's list ({@code GET /api/{collection}}) and of its pages. Both follow the record id,
 * which grows with every create, so paging is by keyset: a page costs the same however deep it is, and a record
 * created while a client pages never shifts the pages it has not read yet.
 */
public enum Ordering {
  /** Newest first (a feed, posts). The default. */
  NEWEST_FIRST,
  /** Oldest first (a checklist, todos). */
  OLDEST_FIRST
}
