package io.vertebra.bench.fanout;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vertebra.bench.Scratch;
import io.vertebra.bench.ServerProcess;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Vertebra's channels server, run as {@code java -jar target/vertebra.jar channels} in its own process, with events
 * triggered through pusher-http-java as an application would.
 */
final class ChannelsTarget implements Target {

  static final String APP_ID = "bench";
  static final String KEY = "bench-key";
  static final String SECRET = "bench-secret-not-for-production";
  static final String CHANNEL = "bench";

  private final ServerProcess process;
  private final int port;
  private final Pusher pusher;

  ChannelsTarget(String jar, List<String> jvmArgs) throws Exception {
    port = ServerProcess.freePort();
    var command = new java.util.ArrayList<String>();
    command.add(ServerProcess.java());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar, "channels"));
    process = ServerProcess.start(command, Map.of(
        "HOST", "127.0.0.1",
        "PORT", Integer.toString(port),
        "DATA_DIR", Scratch.directory("vertebra-bench").toString(),
        "CHANNELS_APP_ID", APP_ID,
        "CHANNELS_KEY", KEY,
        "CHANNELS_SECRET", SECRET), "listening on");
    pusher = new Pusher("http://" + KEY + ":" + SECRET + "@127.0.0.1:" + port + "/apps/" + APP_ID);
  }

  @Override
  public String name() {
    return "channels";
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
