package io.vertebra.bench.rest;

import io.vertebra.bench.Percentiles;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: {@code threads} workers each send one request, wait for the answer, send the next, for a
 * fixed time after a warm-up. Any status other than the expected one counts as an error.
 */
final class LoadDriver {

  /** What one scenario measured. */
  record Result(long requests, long errors, double seconds, Percentiles latency) {
    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  private final HttpClient http;
  private final int threads;
  private final long warmupMillis;
  private final long measureMillis;

  LoadDriver(HttpClient http, int threads, long warmupMillis, long measureMillis) {
    this.http = http;
    this.threads = threads;
    this.warmupMillis = warmupMillis;
    this.measureMillis = measureMillis;
  }

  /** Runs {@code requestFor(worker)} in a loop on every worker; each must answer {@code status}. */
  Result run(IntFunction<HttpRequest> requestFor, int status) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmupMillis * 1_000_000;
    long end = measureFrom + measureMillis * 1_000_000;
    AtomicLong errors = new AtomicLong();
    List<long[]> samples = new ArrayList<>();
    int[] counts = new int[threads];
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      long[] mine = new long[1 << 21];
      samples.add(mine);
      int worker = w;
      workers.add(new Thread(() -> {
        HttpRequest request = requestFor.apply(worker);
        int n = 0;
        for (long now; (now = System.nanoTime()) < end; ) {
          try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - now;
            if (now >= measureFrom) {
              if (r.statusCode() != status) {
                errors.incrementAndGet();
              }
              if (n < mine.length) {
                mine[n++] = took;
              }
            }
          } catch (Exception e) {
            if (now >= measureFrom) {
              errors.incrementAndGet();
            }
          }
        }
        counts[worker] = n;
      }));
    }
    workers.forEach(Thread::start);
    for (Thread t : workers) {
      t.join();
    }
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int w = 0; w < threads; w++) {
      System.arraycopy(samples.get(w), 0, all, at, counts[w]);
      at += counts[w];
    }
    return new Result(total, errors.get(), measureMillis / 1000.0, Percentiles.of(all, total));
  }
}
