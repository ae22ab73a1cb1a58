package io.vertebra.framework.sync;

import java.util.Map;

/**
 * Adds headers to every request {@link RestSync} sends, registered once with {@link RestSync#addHeaderHook}.
 * The realtime layer uses one to send {@code X-Socket-Id}, so the server does not echo a change to its sender.
 */
@FunctionalInterface
public interface HeaderHook {

  /** Adds or replaces entries in {@code headers} for a request with this method and URL. */
  void addHeaders(String method, String url, Map<String, String> headers);
}
