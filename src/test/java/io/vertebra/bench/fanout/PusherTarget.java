package io.vertebra.bench.fanout;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vertebra.bench.ServerProcess;
import java.net.URI;

/**
 * A Pusher-protocol server under test (ours or a peer) on loopback {@code port}: clients subscribe to one public
 * channel, events are triggered through pusher-http-java as an application would.
 */
abstract class PusherTarget implements Target {

  static final String APP_ID = "bench";
  static final String KEY = "bench-key";
  static final String SECRET = "bench-secret-not-for-production";
  static final String CHANNEL = "bench";

  private final ServerProcess process;
  private final int port;
  private final Pusher pusher;

  PusherTarget(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
    this.pusher = new Pusher("http://" + KEY + ":" + SECRET + "@127.0.0.1:" + port + "/apps/" + APP_ID);
  }

  @Override
  public URI socketUri() {
    return URI.create("ws://127.0.0.1:" + port + "/app/" + KEY + "?protocol=7&client=vertebra-bench&version=1");
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean trigger(String data) {
    Result result = pusher.trigger(CHANNEL, "tick", data);
    return result.getStatus() == Result.Status.SUCCESS;
  }

  @Override
  public ServerProcess process() {
    return process;
  }

  @Override
  public void close() {
    try {
      pusher.close();
    } catch (Exception e) {
      // only its HTTP client's threads: nothing to lose at the end of a run
    }
    Target.super.close();
  }
}
