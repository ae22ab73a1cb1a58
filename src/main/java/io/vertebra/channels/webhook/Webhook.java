package io.vertebra.channels.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One webhook of an app: where to POST, and which of Pusher's webhook event types to send there.
 *
 * @param url an http(s) URL
 * @param eventTypes a non-empty subset of {@link #EVENT_TYPES}
 */
public record Webhook(URI url, Set<String> eventTypes) {

  /** Every event type a webhook may ask for, as Pusher names them. */
  public static final List<String> EVENT_TYPES = List.of("channel_occupied", "channel_vacated", "member_added",
      "member_removed", "client_event", "cache_miss", "subscription_count");

  /** Checks the URL and the event types. */
  public Webhook {
    if (url == null || url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("a webhook url must be an http(s) URL, got '" + url + "'");
    }
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one event type (" + String.join(", ",
          EVENT_TYPES) + ")");
    }
    for (String type : eventTypes) {
      if (!EVENT_TYPES.contains(type)) {
        throw new IllegalArgumentException("unknown webhook event type '" + type + "' (known: "
            + String.join(", ", EVENT_TYPES) + ")");
      }
    }
    eventTypes = Set.copyOf(eventTypes);
  }

  /** A webhook sent every event type (what {@code CHANNELS_WEBHOOK_URL} configures). */
  public static Webhook allEvents(URI url) {
    return new Webhook(url, Set.copyOf(EVENT_TYPES));
  }

  /**
   * Parses an http(s) URL for a webhook.
   *
   * @throws IllegalArgumentException when {@code text} is not one
   */
  public static URI url(String text) {
    URI uri;
    try {
      uri = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("must be an http(s) URL, got '" + text + "'");
    }
    return uri;
  }
}
