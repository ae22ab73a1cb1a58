package io.vertebra.bench.fanout;

import io.vertebra.bench.ServerProcess;
import java.util.List;
import java.util.Map;

/**
 * Soketi (Pusher protocol on a C++ uWebSockets core, in Node) in its own process: the peer users would pick.
 * Bound to loopback with its cluster discovery kept on loopback (nothing broadcast to the network), client events
 * and the Pusher limits as the channels server has them, triggered through pusher-http-java like the channels
 * server; stopped by its process id.
 */
final class SoketiTarget extends PusherTarget {

  private SoketiTarget(ServerProcess process, int port) {
    super(process, port);
  }

  static SoketiTarget start() throws Exception {
    String script = SoketiInstall.serverScript().toString();
    int port = ServerProcess.freePort();
    ServerProcess process = ServerProcess.start(List.of(System.getProperty("node", "node"), script, "start"),
        Map.ofEntries(
            Map.entry("SOKETI_HOST", "127.0.0.1"),
            Map.entry("SOKETI_PORT", Integer.toString(port)),
            Map.entry("SOKETI_METRICS_HOST", "127.0.0.1"),
            Map.entry("SOKETI_METRICS_SERVER_PORT", Integer.toString(ServerProcess.freePort())),
            Map.entry("SOKETI_ADAPTER_DRIVER", "local"),
            Map.entry("SOKETI_CLUSTER_HOST", "127.0.0.1"),
            Map.entry("SOKETI_CLUSTER_UNICAST_ADDRESSES", "127.0.0.1"),
            Map.entry("SOKETI_DEFAULT_APP_ID", APP_ID),
            Map.entry("SOKETI_DEFAULT_APP_KEY", KEY),
            Map.entry("SOKETI_DEFAULT_APP_SECRET", SECRET),
            Map.entry("SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES", "true"),
            Map.entry("SOKETI_DEFAULT_APP_MAX_CLIENT_EVENTS_PER_SEC", "10"),
            Map.entry("SOKETI_EVENT_MAX_SIZE_IN_KB", "10"),
            Map.entry("SOKETI_CHANNEL_LIMITS_MAX_NAME_LENGTH", "164")),
        "Server is up and running");
    return new SoketiTarget(process, port);
  }

  @Override
  public String name() {
    return "soketi";
  }

  @Override
  public long liveHeapKib() {
    return -1; // Node: no Java heap; its memory is in the RSS figures
  }
}
