package io.vertebra.framework.sync;

import java.util.Map;

/**
 * A hook for one request, jQuery's (and so Backbone's) {@code beforeSend}: {@link RestSync} calls it with the
 * request about to go out, the {@code X-HTTP-Method-Override} header of {@code emulateHTTP} included, and its
 * headers, which it may change; returning false cancels the request (no callback runs, and the
 * {@code SyncRequest} the call returned reports {@code isAborted()}). Given in the options of one call:
 *
 * <pre>{@code
 * model.fetch(new Options().set(BeforeSend.OPTION, (BeforeSend) (request, headers) -> {
 *   headers.put("X-Trace", traceId);
 *   return true;
 * }));
 * }</pre>
 *
 * <p>{@link HeaderHook} adds headers to every request instead.
 */
@FunctionalInterface
public interface BeforeSend {

  /** The option key. */
  String OPTION = "beforeSend";

  /** Sees {@code request} and may change {@code headers}; false cancels the request. */
  boolean beforeSend(HttpRequest request, Map<String, String> headers);
}
