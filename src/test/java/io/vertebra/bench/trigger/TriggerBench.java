package io.vertebra.bench.trigger;

import com.pusher.rest.Pusher;
import com.pusher.rest.PusherAsync;
import com.pusher.rest.data.Result;
import io.vertebra.bench.Percentiles;
import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.channels.RawSocket;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.realtime.PusherClients;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.server.AppServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-side legs of the browser benchmark without browsers: one signed trigger to the embedded channels
 * server's HTTP API (one WebSocket subscriber on the channels, so the fan-out is real) through pusher-http-java's
 * asynchronous client as the app configures it ({@link PusherClients}), its synchronous client, and the JDK's
 * HTTP client with the same signed URL; and a REST PUT (session, validation, durable commit, trigger). Each is
 * measured paced (one call every {@value #PACE_MS} ms, as edits come), first on a fresh JVM ("cold", the state
 * the browser benchmark used to measure in) and again after {@code warmup} unpaced calls of each ("warm").
 * Writes target/benchmarks/trigger.json.
 */
public final class TriggerBench {

  private static final int PACE_MS = 20;
  private static final int COLD_CALLS = 50;
  private static final List<String> CHANNELS = List.of("post-1", "posts");
  private static final String DATA = "{\"id\":1,\"title\":\"Benchmark post\",\"body\":\"Edited.\",\"version\":7}";

  /** One way of making the call under test; returns only when it has been answered. */
  private interface Call {
    void run() throws Exception;
  }

  private TriggerBench() {}

  public static void main(String[] args) throws Exception {
    int warmCalls = Integer.getInteger("calls", 200);
    int warmUp = Integer.getInteger("warmup", 2000);
    Report report = new Report("trigger");
    report.put("calls_warm", warmCalls).put("calls_cold", COLD_CALLS).put("warm_up_calls", warmUp)
        .put("pace_ms", PACE_MS);
    try (AppServer server = AppServer.start(Config.from(Map.of("PORT", "0",
            "DATA_DIR", Scratch.directory("vertebra-bench-trigger").toString())), AppServer.Mode.SERVE);
        RawSocket subscriber = RawSocket.open(server.port(), "/app/" + server.realtime().key() + "?protocol=7")) {
      for (String channel : CHANNELS) {
        subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
      }
      Map<String, Call> calls = calls(server, subscriber);
      measure(calls, COLD_CALLS, "cold", report);
      for (Call call : calls.values()) {
        for (int i = 0; i < warmUp; i++) {
          call.run();
        }
      }
      measure(calls, warmCalls, "warm", report);
    }
    report.write();
  }

  private static Map<String, Call> calls(AppServer server, RawSocket subscriber) {
    RealtimeSettings realtime = server.realtime();
    PusherAsync async = PusherClients.create(realtime);
    Pusher sync = new Pusher(realtime.appId(), realtime.key(), realtime.secret());
    sync.setHost(realtime.apiHost() + ":" + realtime.apiPort());
    sync.setDataMarshaller(data -> (String) data);
    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String path = "/apps/" + realtime.appId() + "/events";
    String body = "{\"name\":\"post:change\",\"channels\":[\"post-1\",\"posts\"],\"data\":"
        + ApiClient.quote(DATA) + "}";
    ApiClient api = new ApiClient(server.baseUrl());
    api.signIn("Bench");
    long id = api.create("Benchmark post", "Edited.").get("id").asLong();
    int[] edit = {0};
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("pusher_async", () -> check(async.trigger(CHANNELS, "post:change", DATA).get()));
    calls.put("pusher_sync", () -> check(sync.trigger(CHANNELS, "post:change", DATA)));
    calls.put("jdk_http", () -> {
      URI uri = sync.signedUri("POST", path, body);
      HttpResponse<String> r = jdk.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("trigger refused: " + r.statusCode() + " " + r.body());
      }
    });
    calls.put("rest_put", () -> {
      ApiClient.Reply r = api.send("PUT", "/api/posts/" + id,
          "{\"title\":\"Edit " + edit[0]++ + "\",\"body\":\"Edited.\"}");
      if (r.status() != 200) {
        throw new IllegalStateException("PUT failed: " + r);
      }
    });
    // Keeps the subscriber's queue from growing over thousands of events.
    calls.replaceAll((name, call) -> () -> {
      call.run();
      subscriber.frames.clear();
    });
    return calls;
  }

  /** {@code n} paced calls of each kind, interleaved so that all see the same machine load. */
  private static void measure(Map<String, Call> calls, int n, String phase, Report report) throws Exception {
    Map<String, long[]> nanos = new LinkedHashMap<>();
    calls.keySet().forEach(name -> nanos.put(name, new long[n]));
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, Call> call : calls.entrySet()) {
        Thread.sleep(PACE_MS);
        long start = System.nanoTime();
        call.getValue().run();
        nanos.get(call.getKey())[i] = System.nanoTime() - start;
      }
    }
    nanos.forEach((name, samples) -> report.put(phase + "." + name, Percentiles.of(samples, n)));
  }

  private static void check(Result result) {
    if (result.getStatus() != Result.Status.SUCCESS) {
      throw new IllegalStateException("trigger failed: " + result.getStatus() + " " + result.getMessage());
    }
  }
}
