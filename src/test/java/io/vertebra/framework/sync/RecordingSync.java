package io.vertebra.framework.sync;

import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Sync;
import io.vertebra.framework.core.Syncable;

/**
 * A {@link Sync} for tests, like Backbone's {@code env.syncArgs}: records the last call and passes it on to a
 * {@link RestSync} over a {@link RecordingTransport}, so a test sees both the call and the HTTP request.
 */
public class RecordingSync implements Sync {

  private final RecordingTransport transport = new RecordingTransport();
  private final RestSync rest = new RestSync(transport);
  private String method;
  private Syncable target;
  private Options options;
  private int calls;

  @Override
  public void sync(String method, Syncable target, Options options) {
    this.method = method;
    this.target = target;
    this.options = options;
    calls++;
    rest.sync(method, target, options);
  }

  /** The method of the last call. */
  public String method() {
    return method;
  }

  /** The target of the last call. */
  public Syncable target() {
    return target;
  }

  /** The options of the last call. */
  public Options options() {
    return options;
  }

  /** How many calls were made. */
  public int calls() {
    return calls;
  }

  /** The transport the requests went to. */
  public RecordingTransport transport() {
    return transport;
  }

  /** The RestSync in between (to set emulateHTTP/emulateJSON defaults). */
  public RestSync rest() {
    return rest;
  }

  /** The last HTTP request. */
  public HttpRequest request() {
    return transport.lastRequest();
  }

  /** A Sync that answers every call at once with success and this response. */
  public static Sync succeeding(Object response) {
    return (method, target, options) -> options.getSuccess().call(target, response, options);
  }

  /** A Sync that answers every call at once with an error (a 500 with no body). */
  public static Sync failing() {
    return (method, target, options) -> options.getError().call(target,
        new SyncError(500, null, "", "", "HTTP 500"), options);
  }
}
