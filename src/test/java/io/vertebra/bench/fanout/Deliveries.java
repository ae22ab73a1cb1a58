package io.vertebra.bench.fanout;

import static java.nio.charset.StandardCharsets.UTF_8;

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
  private static final byte[] STAMP_BYTES = STAMP.getBytes(UTF_8);

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

  /**
   * Records a received message (UTF-8 bytes) read at {@code nowNanos} if it carries a stamp; returns whether it did.
   * Scans the bytes in place: no String per delivery.
   */
  boolean record(byte[] bytes, int offset, int length, long nowNanos) {
    int at = indexOf(bytes, offset, offset + length, STAMP_BYTES);
    if (at < 0) {
      return false;
    }
    long sent = 0;
    int end = offset + length;
    int first = at + STAMP_BYTES.length;
    boolean negative = first < end && bytes[first] == '-'; // nanoTime's origin is arbitrary
    for (int i = negative ? first + 1 : first; i < end && bytes[i] != ';'; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("bad stamp in " + new String(bytes, offset, length, UTF_8));
      }
      sent = sent * 10 + digit;
    }
    if (negative) {
      sent = -sent;
    }
    int i = count.getAndIncrement();
    if (i < latencies.length) {
      latencies[i] = nowNanos - sent;
    }
    lastReceived = nowNanos;
    all.countDown();
    return true;
  }

  private static int indexOf(byte[] a, int from, int to, byte[] what) {
    outer:
    for (int i = from; i + what.length <= to; i++) {
      for (int j = 0; j < what.length; j++) {
        if (a[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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
