package io.vertebra.bench.fanout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-delivery latencies of one run: each received event carries the {@code System.nanoTime()} at which it was
 * triggered (same JVM as the clients), so latency = receipt time − that stamp.
 */
final class Deliveries {

  /** Marker put before the trigger timestamp in event data; both servers pass the data through unchanged. */
  static final String STAMP = "sent=";

  private final long[] latencies;
  private final AtomicInteger count = new AtomicInteger();
  private final CountDownLatch all;
  private volatile long lastReceived;

  Deliveries(int expected) {
    latencies = new long[expected];
    all = new CountDownLatch(expected);
  }

  /** The event data for a trigger at {@code nanos}. */
  static String payload(long nanos) {
    return STAMP + nanos + ";";
  }

  /** Records a received frame if it carries a stamp; returns whether it did. */
  boolean record(CharSequence frame) {
    long now = System.nanoTime();
    String s = frame.toString();
    int at = s.indexOf(STAMP);
    if (at < 0) {
      return false;
    }
    int start = at + STAMP.length();
    int end = s.indexOf(';', start);
    long sent = Long.parseLong(s, start, end, 10);
    int i = count.getAndIncrement();
    if (i < latencies.length) {
      latencies[i] = now - sent;
    }
    lastReceived = now;
    all.countDown();
    return true;
  }

  /** Waits until every expected delivery arrived or {@code millis} passed; returns whether all arrived. */
  boolean await(long millis) throws InterruptedException {
    return all.await(millis, TimeUnit.MILLISECONDS);
  }

  int count() {
    return Math.min(count.get(), latencies.length);
  }

  long[] latencies() {
    return latencies;
  }

  long lastReceived() {
    return lastReceived;
  }
}
