package io.vertebra.bench.fanout;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vertebra.bench.ServerProcess;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Soketi (Pusher protocol on a C++ uWebSockets core, in Node) in its own process: the peer users would pick.
 * Bound to loopback with its cluster discovery kept on loopback (nothing broadcast to the network), client events
 * and the Pusher limits as the channels server has them, triggered through pusher-http-java like the channels
 * server; stopped by its process id.
 */
final class SoketiTarget implements Target {

  private final ServerProcess process;
  private final int port;
  private final Pusher pusher;

  SoketiTarget() throws Exception {
    String script = SoketiInstall.serverScript().toString();
    port = ServerProcess.freePort();
    process = ServerProcess.start(List.of(System.getProperty("node", "node"), script, "start"), Map.ofEntries(
        Map.entry("SOKETI_HOST", "127.0.0.1"),
        Map.entry("SOKETI_PORT", Integer.toString(port)),
        Map.entry("SOKETI_METRICS_HOST", "127.0.0.1"),
        Map.entry("SOKETI_METRICS_SERVER_PORT", Integer.toString(ServerProcess.freePort())),
        Map.entry("SOKETI_ADAPTER_DRIVER", "local"),
        Map.entry("SOKETI_CLUSTER_HOST", "127.0.0.1"),
        Map.entry("SOKETI_CLUSTER_UNICAST_ADDRESSES", "127.0.0.1"),
        Map.entry("SOKETI_DEFAULT_APP_ID", ChannelsTarget.APP_ID),
        Map.entry("SOKETI_DEFAULT_APP_KEY", ChannelsTarget.KEY),
        Map.entry("SOKETI_DEFAULT_APP_SECRET", ChannelsTarget.SECRET),
        Map.entry("SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES", "true"),
        Map.entry("SOKETI_DEFAULT_APP_MAX_CLIENT_EVENTS_PER_SEC", "10"),
        Map.entry("SOKETI_EVENT_MAX_SIZE_IN_KB", "10"),
        Map.entry("SOKETI_CHANNEL_LIMITS_MAX_NAME_LENGTH", "164")), "Server is up and running");
    pusher = new Pusher("http://" + ChannelsTarget.KEY + ":" + ChannelsTarget.SECRET + "@127.0.0.1:" + port
        + "/apps/" + ChannelsTarget.APP_ID);
  }

  @Override
  public String name() {
    return "soketi";
  }

  @Override
  public URI socketUri() {
    return URI.create("ws://127.0.0.1:" + port + "/app/" + ChannelsTarget.KEY
        + "?protocol=7&client=vertebra-bench&version=1");
  }

  @Override
  public String channel() {
    return ChannelsTarget.CHANNEL;
  }

  @Override
  public boolean trigger(String data) {
    Result result = pusher.trigger(ChannelsTarget.CHANNEL, "tick", data);
    return result.getStatus() == Result.Status.SUCCESS;
  }

  @Override
  public long liveHeapKib() {
    return -1; // Node: no Java heap; its memory is in the RSS figures
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
