package io.vertebra.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Busy threads competing with the server under test for the CPU, as other work on a shared machine does: a write
 * path whose correctness leans on timing (a background thread getting its turn, a flush racing an answer) shows its
 * gaps sooner when the scheduler is crowded.
 */
final class CpuHog implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;
  private volatile long sink;

  /** Starts {@code count} busy threads; none when {@code count} is 0. */
  CpuHog(int count) {
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(this::spin, "cpu-hog-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void spin() {
    long x = System.nanoTime();
    while (running) {
      for (int i = 0; i < 100_000; i++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
      }
      sink = x;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join();
    }
  }
}
