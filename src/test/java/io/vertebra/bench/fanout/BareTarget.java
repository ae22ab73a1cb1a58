package io.vertebra.bench.fanout;

import io.vertebra.bench.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The baseline: {@link BroadcastServer} in its own process, triggered by a plain HTTP POST. */
final class BareTarget implements Target {

  private final ServerProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  BareTarget(List<String> jvmArgs) throws Exception {
    port = ServerProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(ServerProcess.java());
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BroadcastServer.class.getName(),
        Integer.toString(port)));
    process = ServerProcess.start(command, Map.of(), "ready on");
  }

  @Override
  public String name() {
    return "baseline";
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
