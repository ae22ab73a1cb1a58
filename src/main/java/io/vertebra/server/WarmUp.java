package io.vertebra.server;

import io.vertebra.kit.config.Config;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles the connection and per-event paths before the first client comes. A fresh JVM interprets Jetty's HTTP
 * upgrade, its WebSocket session setup and our own connect and subscribe code until the JIT has seen them often
 * enough: 1,000 clients reconnecting at once after a deploy took 5.7-10.8 s on a fresh process against 1.3-3.9 s
 * once warm (BENCHMARKS.md). So before the real server binds its port, a throwaway channels server of its own (own
 * app, own registries, no webhooks, no cluster, bound to an ephemeral loopback port) is started in this JVM, loopback
 * clients connect, subscribe, receive a triggered event and close in batches, and the throwaway server is stopped.
 * The compiled code is the JVM's and stays; the server that then starts shares none of the throwaway's state.
 *
 * <p>Then the per-event path: an event is one HTTP API request (parsing, the signature check, JSON) and a fan-out,
 * so at the 20 events/s of a busy app the JIT needs minutes to compile it: a fresh process spent ~26 us of CPU per
 * delivery in its first minute against ~20 once warm, a quarter of it compiling (BENCHMARKS.md). So a few
 * subscribers stay connected while as many signed events as warm-up connections are triggered through the HTTP API
 * over a kept-alive connection, as pusher-http-java sends them.
 *
 * <p>A warm-up that fails or runs out of time is reported and the start goes on: it only saves time.
 */
final class WarmUp {

  /** {@code CHANNELS_WARMUP}: how many loopback connections to drive before starting; 0 turns the warm-up off. */
  static final String VARIABLE = "CHANNELS_WARMUP";
  /** Connections driven by default; see OPERATIONS.md for what this measured. */
  static final int DEFAULT_CONNECTIONS = 2_000;
  /** The longest a warm-up may take (a loaded machine must not hold a start back for long). */
  static final long BUDGET_MS = 15_000;

  /** Events triggered after the connections, per warm-up connection: the per-event path's share of the warm-up. */
  static final int EVENTS_PER_CONNECTION = 1;
  /** Subscribers of the event phase: enough for the fan-out loop, few enough that the events cost little. */
  static final int SUBSCRIBERS = 10;
  /** The share of the time budget kept for the event phase. */
  private static final double EVENT_SHARE = 0.3;

  private static final int THREADS = 2;
  private static final int BATCH = 50;

  /**
   * What a warm-up did: connections completed, events every subscriber received, how long it took (of which the
   * events), why it stopped early (null: it did not), and the loopback port its throwaway server had (0 if it never
   * started).
   */
  record Result(int connections, int events, long millis, long eventMillis, String problem, int port) {
    String describe() {
      String done = connections + " loopback connections and " + events + " events in "
          + String.format("%.1f s (events %.1f s)", millis / 1000.0, eventMillis / 1000.0);
      return problem == null ? done : done + ", stopped early: " + problem;
    }
  }

  private WarmUp() {}

  /** The number of warm-up connections {@code env} asks for ({@link #VARIABLE}), or the default. */
  static int connections(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT_CONNECTIONS;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Config.ConfigException(VARIABLE + " must be a number of connections (0 = no warm-up), got '"
          + value + "'");
    }
  }

  /**
   * Drives {@code connections} loopback connections through a throwaway channels server within {@code budgetMs}.
   * Never throws: a problem ends the warm-up early and is reported in the result.
   */
  static Result run(int connections, long budgetMs) {
    return run(connections, budgetMs, config -> AppServer.start(config, AppServer.Mode.CHANNELS));
  }

  static Result run(int connections, int events, long budgetMs) {
    return run(connections, events, budgetMs, config -> AppServer.start(config, AppServer.Mode.CHANNELS));
  }

  /** How the throwaway server is started (a test may start one that fails). */
  @FunctionalInterface
  interface Starter {
    AppServer start(Config config) throws Exception;
  }

  static Result run(int connections, long budgetMs, Starter starter) {
    return run(connections, connections * EVENTS_PER_CONNECTION, budgetMs, starter);
  }

  static Result run(int connections, int events, long budgetMs, Starter starter) {
    long start = System.nanoTime();
    long deadline = start + budgetMs * 1_000_000;
    // The connection phase leaves the event phase its share of the budget, so a slow machine still warms both.
    long connectDeadline = start + (long) (budgetMs * (1 - EVENT_SHARE)) * 1_000_000;
    AtomicInteger done = new AtomicInteger();
    AtomicInteger triggered = new AtomicInteger();
    AtomicReference<String> problem = new AtomicReference<>();
    int port = 0;
    long eventStart = 0;
    long eventEnd = 0;
    String appId = "warm-up";
    String key = random(10);
    String secret = random(16);
    try (AppServer server = starter.start(Config.from(Map.of("HOST", "127.0.0.1", "PORT", "0",
        "CHANNELS_APP_ID", appId, "CHANNELS_KEY", key, "CHANNELS_SECRET", secret)))) {
      port = server.kit().port();
      WarmUpClient client = new WarmUpClient(port, appId, key, secret);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String channel = "warm-up-" + t;
        workers.add(worker("warm-up-" + t, () -> connect(client, channel, connections, connectDeadline, done,
            problem)));
      }
      join(workers, budgetMs);
      if (events > 0 && problem.get() == null) {
        eventStart = System.nanoTime();
        List<Thread> triggers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String channel = "warm-up-events-" + t;
          int share = events / THREADS + (t < events % THREADS ? 1 : 0);
          triggers.add(worker("warm-up-events-" + t, () -> trigger(client, channel, share, deadline, triggered,
              problem)));
        }
        join(triggers, budgetMs);
        eventEnd = System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem.compareAndSet(null, "interrupted");
    } catch (Exception | LinkageError e) {
      problem.compareAndSet(null, e.toString());
    }
    if (problem.get() == null && (done.get() < connections || triggered.get() < events)) {
      problem.set("out of time (" + budgetMs + " ms)");
    }
    return new Result(done.get(), triggered.get(), (System.nanoTime() - start) / 1_000_000,
        (eventEnd - eventStart) / 1_000_000, problem.get(), port);
  }

  private static Thread worker(String name, Runnable job) {
    Thread worker = new Thread(job, name);
    worker.setDaemon(true);
    worker.start();
    return worker;
  }

  private static void join(List<Thread> workers, long budgetMs) throws InterruptedException {
    for (Thread worker : workers) {
      worker.join(Math.max(1, budgetMs + 5_000));
    }
  }

  /** One connection worker: batches of connections that subscribe, receive one triggered event, and close. */
  private static void connect(WarmUpClient client, String channel, int connections, long deadline,
      AtomicInteger done, AtomicReference<String> problem) {
    List<WarmUpClient.Link> batch = new ArrayList<>(BATCH);
    try (WarmUpClient.Api api = client.api()) {
      while (problem.get() == null && System.nanoTime() < deadline && done.get() < connections) {
        for (int i = 0; i < BATCH; i++) {
          batch.add(subscribed(client, channel));
        }
        api.trigger(channel, "warm-up", "{}");
        for (WarmUpClient.Link link : batch) {
          link.expect("warm-up");
        }
        closeAll(batch);
        done.addAndGet(BATCH);
      }
    } catch (Exception e) {
      problem.compareAndSet(null, e.toString());
    } finally {
      closeAll(batch);
    }
  }

  /**
   * One event worker: {@link #SUBSCRIBERS} connections stay subscribed to one channel while {@code events} are
   * triggered one after the other through the HTTP API, each read by every subscriber before the next (as a back end
   * publishes: request parsing, the signature, JSON, the fan-out and Jetty's send path, thousands of times).
   */
  private static void trigger(WarmUpClient client, String channel, int events, long deadline,
      AtomicInteger triggered, AtomicReference<String> problem) {
    List<WarmUpClient.Link> subscribers = new ArrayList<>(SUBSCRIBERS);
    try (WarmUpClient.Api api = client.api()) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        subscribers.add(subscribed(client, channel));
      }
      for (int n = 0; n < events && problem.get() == null && System.nanoTime() < deadline; n++) {
        api.trigger(channel, "warm-up", "{\"n\":" + n + ",\"at\":" + System.nanoTime() + "}");
        for (WarmUpClient.Link link : subscribers) {
          link.expect("warm-up");
        }
        triggered.incrementAndGet();
      }
    } catch (Exception e) {
      problem.compareAndSet(null, e.toString());
    } finally {
      closeAll(subscribers);
    }
  }

  private static WarmUpClient.Link subscribed(WarmUpClient client, String channel) throws IOException {
    WarmUpClient.Link link = client.connect();
    try {
      link.send("{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"\",\"channel\":\"" + channel
          + "\"}}");
      link.expect("pusher_internal:subscription_succeeded");
      return link;
    } catch (IOException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  private static void closeAll(List<WarmUpClient.Link> links) {
    for (WarmUpClient.Link link : links) {
      try {
        link.close();
      } catch (Exception e) {
        // the server may have closed it first; nothing to keep
      }
    }
    links.clear();
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
