package io.vertebra.kit.realtime;

import com.pusher.rest.PusherAsync;
import io.vertebra.kit.config.RealtimeSettings;

/** Builds the pusher-http-java client for the configured realtime service (embedded, hosted or compatible). */
public final class PusherClients {

  private PusherClients() {}

  /**
   * An asynchronous client (triggers never block a request thread) that sends event data as given: callers pass
   * data already serialised to a JSON string, so it is not encoded twice.
   */
  public static PusherAsync create(RealtimeSettings settings) {
    PusherAsync pusher = new PusherAsync(settings.appId(), settings.key(), settings.secret());
    pusher.setHost(settings.apiHost() + ":" + settings.apiPort());
    pusher.setEncrypted("https".equals(settings.apiScheme()));
    pusher.setDataMarshaller(data -> {
      if (data instanceof String json) {
        return json;
      }
      throw new IllegalArgumentException("event data must be pre-serialised JSON, got " + data.getClass());
    });
    return pusher;
  }
}
