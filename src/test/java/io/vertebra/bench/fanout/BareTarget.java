package io.vertebra.bench.fanout;

import io.vertebra.bench.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A protocol-less baseline in its own process, triggered by a plain HTTP POST of the body to broadcast: {@link
 * BroadcastServer} (bare Jetty) or {@link FloorServer} (plain NIO, the machine's floor).
 */
final class BareTarget implements Target {

  private final String name;
  private final ServerProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Bare Jetty. */
  static BareTarget jetty(List<String> jvmArgs) throws Exception {
    return new BareTarget("baseline", BroadcastServer.class, jvmArgs);
  }

  /** The plain-NIO floor, its fan-out split over {@code threads} writer threads. */
  static BareTarget floor(List<String> jvmArgs, int threads) throws Exception {
    return new BareTarget(threads == 1 ? "floor" : "floor" + threads, FloorServer.class, jvmArgs,
        Integer.toString(threads));
  }

  private BareTarget(String name, Class<?> server, List<String> jvmArgs, String... args) throws Exception {
    this.name = name;
    port = ServerProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(ServerProcess.java());
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), server.getName(),
        Integer.toString(port)));
    command.addAll(List.of(args));
    process = ServerProcess.start(command, Map.of(), "ready on");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI socketUri() {
    return URI.create("ws://127.0.0.1:" + port + "/ws");
  }

  @Override
  public String channel() {
    return null;
  }

  @Override
  public boolean trigger(String data) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/broadcast"))
        .POST(HttpRequest.BodyPublishers.ofString(data)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  @Override
  public ServerProcess process() {
    return process;
  }
}
