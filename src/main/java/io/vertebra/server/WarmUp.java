package io.vertebra.server;

import io.vertebra.kit.config.Config;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles the connection path before the first client comes. A fresh JVM interprets Jetty's HTTP upgrade, its
 * WebSocket session setup and our own connect and subscribe code until the JIT has seen them often enough: 1,000
 * clients reconnecting at once after a deploy took 5.7-10.8 s on a fresh process against 1.3-3.9 s once warm
 * (BENCHMARKS.md). So before the real server binds its port, a throwaway channels server of its own (own app, own
 * registries, no webhooks, no cluster, bound to an ephemeral loopback port) is started in this JVM, loopback clients
 * connect, subscribe, receive a triggered event and close in batches, and the throwaway server is stopped. The
 * compiled code is the JVM's and stays; the server that then starts shares none of the throwaway's state.
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

  private static final int THREADS = 2;
  private static final int BATCH = 50;

  /**
   * What a warm-up did: connections completed, how long it took, why it stopped early (null: it did not), and the
   * loopback port its throwaway server had (0 if it never started).
   */
  record Result(int connections, long millis, String problem, int port) {
    String describe() {
      String done = connections + " loopback connections in " + String.format("%.1f s", millis / 1000.0);
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

  /** How the throwaway server is started (a test may start one that fails). */
  @FunctionalInterface
  interface Starter {
    AppServer start(Config config) throws Exception;
  }

  static Result run(int connections, long budgetMs, Starter starter) {
    long start = System.nanoTime();
    long deadline = start + budgetMs * 1_000_000;
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> problem = new AtomicReference<>();
    int port = 0;
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
        Thread worker = new Thread(() -> drive(client, channel, connections, deadline, done, problem),
            "warm-up-" + t);
        worker.setDaemon(true);
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join(Math.max(1, budgetMs + 5_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem.compareAndSet(null, "interrupted");
    } catch (Exception | LinkageError e) {
      problem.compareAndSet(null, e.toString());
    }
    if (problem.get() == null && done.get() < connections) {
      problem.set("out of time (" + budgetMs + " ms)");
    }
    return new Result(done.get(), (System.nanoTime() - start) / 1_000_000, problem.get(), port);
  }

  /** One worker: batches of connections that subscribe, receive one triggered event, and close. */
  private static void drive(WarmUpClient client, String channel, int connections, long deadline,
      AtomicInteger done, AtomicReference<String> problem) {
    List<WarmUpClient.Link> batch = new ArrayList<>(BATCH);
    try {
      while (problem.get() == null && System.nanoTime() < deadline && done.get() < connections) {
        for (int i = 0; i < BATCH; i++) {
          WarmUpClient.Link link = client.connect();
          batch.add(link);
          link.send("{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"\",\"channel\":\"" + channel + "\"}}");
          link.expect("pusher_internal:subscription_succeeded");
        }
        client.trigger(channel, "warm-up", "{}");
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
