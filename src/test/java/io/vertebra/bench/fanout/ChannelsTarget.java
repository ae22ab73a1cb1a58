package io.vertebra.bench.fanout;

import io.vertebra.bench.Scratch;
import io.vertebra.bench.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vertebra's channels server, run as {@code java -jar target/vertebra.jar channels} in its own process (with no JVM
 * options it is a launcher and its sized child; both are measured).
 */
final class ChannelsTarget extends PusherTarget {

  private ChannelsTarget(ServerProcess process, int port) {
    super(process, port);
  }

  static ChannelsTarget start(String jar, List<String> jvmArgs) throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(ServerProcess.java());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar, "channels"));
    ServerProcess process = ServerProcess.start(command, Map.of(
        "HOST", "127.0.0.1",
        "PORT", Integer.toString(port),
        "DATA_DIR", Scratch.directory("vertebra-bench").toString(),
        "CHANNELS_APP_ID", APP_ID,
        "CHANNELS_KEY", KEY,
        "CHANNELS_SECRET", SECRET), "listening on");
    return new ChannelsTarget(process, port);
  }

  @Override
  public String name() {
    return "channels";
  }
}
