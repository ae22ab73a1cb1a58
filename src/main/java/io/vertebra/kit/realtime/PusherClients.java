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
    return create(settings, null);
  }

  /**
   * As {@link #create(RealtimeSettings)}, holding {@code encryptionMasterKey} (base64 of 32 bytes, or null for none):
   * then triggers on {@code private-encrypted-} channels are encrypted before they leave the app, and
   * {@code authenticate()} of such a channel answers its {@code shared_secret}, as pusher-js needs.
   */
  public static PusherAsync create(RealtimeSettings settings, String encryptionMasterKey) {
    PusherAsync pusher = encryptionMasterKey == null
        ? new PusherAsync(settings.appId(), settings.key(), settings.secret())
        : new PusherAsync(settings.appId(), settings.key(), settings.secret(), encryptionMasterKey);
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
