package io.vertebra.bench.fanout;

import io.vertebra.bench.Percentiles;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One fan-out run against one {@link Target}: connect (and subscribe) C clients, measure the server's memory, trigger
 * E events on a fixed schedule, collect every delivery's latency, close the clients.
 */
final class FanOutRun {

  /** What one run measured. */
  record Result(int connections, double connectSeconds, long idleRssKib, long idleHeapKib, long rssKib,
      long heapKib, int events, int triggerFailures, Percentiles trigger, int expected, int delivered,
      double deliverySeconds, Percentiles latency) {

    double connectionsPerSecond() {
      return connections / connectSeconds;
    }

    double deliveriesPerSecond() {
      return delivered / deliverySeconds;
    }

    double rssKibPerConnection() {
      return (rssKib - idleRssKib) / (double) connections;
    }

    double heapKibPerConnection() {
      return (heapKib - idleHeapKib) / (double) connections;
    }
  }

  private static final int CONNECTING_AT_ONCE = 200;

  private final int connections;
  private final int events;
  private final double rate;
  private final long drainMillis;

  /** {@code rate} events per second; 0 = back to back. */
  FanOutRun(int connections, int events, double rate, long drainMillis) {
    this.connections = connections;
    this.events = events;
    this.rate = rate;
    this.drainMillis = drainMillis;
  }

  Result run(Target target) throws Exception {
    long idleRss = target.process().rssKib();
    long idleHeap = target.process().liveHeapKib();
    Deliveries deliveries = new Deliveries(connections * events);
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<WebSocket>> sockets = new ArrayList<>(connections);
    long t0 = System.nanoTime();
    connect(http, target, deliveries, sockets);
    double connectSeconds = (System.nanoTime() - t0) / 1e9;
    long rss = target.process().rssKib();
    long heap = target.process().liveHeapKib();

    long[] triggerNanos = new long[events];
    int failures = 0;
    long start = System.nanoTime();
    for (int i = 0; i < events; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(wait);
        }
      }
      long sent = System.nanoTime();
      if (!target.trigger(Deliveries.payload(sent))) {
        failures++;
      }
      triggerNanos[i] = System.nanoTime() - sent;
    }
    deliveries.await(drainMillis);
    int delivered = deliveries.count();
    double deliverySeconds = (deliveries.lastReceived() - start) / 1e9;
    Percentiles latency = Percentiles.of(deliveries.latencies(), delivered);
    for (CompletableFuture<WebSocket> s : sockets) {
      s.thenAccept(ws -> ws.abort());
    }
    return new Result(connections, connectSeconds, idleRss, idleHeap, rss, heap, events, failures,
        Percentiles.of(triggerNanos, events), connections * events, delivered, deliverySeconds, latency);
  }

  // At most CONNECTING_AT_ONCE handshakes in flight, like a realistic reconnect storm rather than a SYN flood.
  private void connect(HttpClient http, Target target, Deliveries deliveries,
      List<CompletableFuture<WebSocket>> sockets) throws Exception {
    Semaphore inFlight = new Semaphore(CONNECTING_AT_ONCE);
    List<CompletableFuture<Void>> ready = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      inFlight.acquire();
      Client client = new Client(deliveries, target.channel());
      sockets.add(http.newWebSocketBuilder().buildAsync(target.socketUri(), client)
          .whenComplete((ws, e) -> {
            if (e != null) {
              client.ready().completeExceptionally(e);
            }
          }));
      ready.add(client.ready().whenComplete((v, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }
}
