package io.vertebra.kit.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a blocking probe (e.g. a trivial database query) with a deadline, on a thread of its own, so a health check
 * answers within the timeout even when what it probes hangs. While one probe is still running, later checks wait
 * on that same probe instead of starting another: a hung dependency costs one thread, not one per request.
 */
public final class TimedProbe {

  /** The blocking work; any exception means unhealthy, its message says why. */
  @FunctionalInterface
  public interface Probe {
    void run() throws Exception;
  }

  private final Probe probe;
  private final Duration timeout;
  private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();
  // At most one thread, which ends after a minute of idleness (tests start many servers in one JVM).
  private final ThreadPoolExecutor executor;

  /** A probe that must finish within {@code timeout}; {@code name} names its thread. */
  public TimedProbe(String name, Probe probe, Duration timeout) {
    this.probe = probe;
    this.timeout = timeout;
    this.executor = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "health-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs the probe (or joins the one in flight); returns null when it succeeded in time, else what went wrong. */
  public String problem() {
    CompletableFuture<Void> attempt = current();
    try {
      attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      return "no answer within " + timeout.toMillis() + " ms";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "check interrupted";
    }
  }

  private CompletableFuture<Void> current() {
    while (true) {
      CompletableFuture<Void> existing = running.get();
      if (existing != null && !existing.isDone()) {
        return existing;
      }
      CompletableFuture<Void> fresh = new CompletableFuture<>();
      if (running.compareAndSet(existing, fresh)) {
        executor.execute(() -> {
          try {
            probe.run();
            fresh.complete(null);
          } catch (Throwable t) {
            fresh.completeExceptionally(t);
          }
        });
        return fresh;
      }
    }
  }
}
