package io.vertebra.posts.client.ui;

/** Human labels for the API's ISO-8601 UTC timestamps ({@code 2026-11-28T05:22:15.123Z}). */
final class When {

  private When() {
  }

  /** {@code 2026-11-28 05:22 UTC}, or "just now" for a post not saved yet. */
  static String label(String iso) {
    if (iso == null || iso.length() < 16) {
      return "just now";
    }
    return iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC";
  }
}
