package io.vertebra.framework.suite;

import static io.vertebra.framework.suite.Expect.equal;
import static io.vertebra.framework.suite.Expect.fail;

import com.google.gwt.http.client.Request;
import com.google.gwt.http.client.RequestBuilder;
import com.google.gwt.http.client.RequestCallback;
import com.google.gwt.http.client.RequestException;
import com.google.gwt.http.client.Response;
import com.google.gwt.user.client.Window;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.RealtimeChannel;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import java.util.Arrays;
import java.util.Map;

/**
 * The realtime layer over the real pusher-js (its encryption build, which the host page loads) and the channels
 * server of BrowserSuiteIT: an end-to-end encrypted channel, whose shared secret the page gets from the auth
 * endpoint (derived from the app's master key) and whose events the server only relays as ciphertext.
 */
final class RealtimeChecks {

  static final String ENCRYPTED_CHANNEL = "private-encrypted-suite";

  private RealtimeChecks() {}

  static void register(CheckRunner runner, String channelsKey) {
    runner.async("realtime: a private-encrypted- channel delivers its events decrypted through the Notifier",
        done -> {
          PusherOptions options = PusherOptions.forKey(channelsKey).wsHost(Window.Location.getHostName())
              .wsPort(Integer.valueOf(Window.Location.getPort())).forceTls(false)
              .enabledTransports(Arrays.asList("ws"));
          PusherJsBackend backend = new PusherJsBackend(options);
          Notifier notifier = new Notifier(backend).connect();
          RealtimeChannel channel = notifier.subscribe(ENCRYPTED_CHANNEL);
          channel.on("pusher:subscription_error", args -> done.step(() -> {
            throw fail("subscription refused: " + args[0]);
          }));
          channel.on(Notifier.SUBSCRIPTION_SUCCEEDED, args -> done.step(() -> askServerToTrigger(done)));
          channel.on("secret", args -> done.step(() -> {
            equal(ENCRYPTED_CHANNEL, args[1], "channel");
            equal("for your eyes only", ((Map<?, ?>) args[0]).get("message"), "decrypted data");
            backend.release();
            done.pass();
          }));
        });
  }

  /** The server triggers "secret" through pusher-http-java, which encrypts it with the channel's secret. */
  private static void askServerToTrigger(CheckRunner.Done done) {
    RequestBuilder post = new RequestBuilder(RequestBuilder.POST, "/realtime/trigger-secret");
    try {
      post.sendRequest("", new RequestCallback() {
        @Override
        public void onResponseReceived(Request request, Response response) {
          done.step(() -> equal(204, response.getStatusCode(), "trigger status: " + response.getText()));
        }

        @Override
        public void onError(Request request, Throwable exception) {
          done.fail(exception);
        }
      });
    } catch (RequestException e) {
      done.fail(e);
    }
  }
}
