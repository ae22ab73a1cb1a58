package io.vertebra.bench.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fan-out load driver: C {@link WireClient}s spread over a few {@link SelectorLoop} threads, so the receiving
 * side costs one read per frame and no thread per connection. Connects with a bounded number of handshakes in
 * flight, and ends with a closing handshake on every connection.
 */
final class LoadDriver implements AutoCloseable, WireClient.Events {

  private final List<SelectorLoop> loops = new ArrayList<>();
  private final List<WireClient> clients = new ArrayList<>();
  private volatile Deliveries deliveries;
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private final AtomicInteger brokenAfterReady = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private Semaphore inFlight;
  private CountDownLatch settled;

  /** {@code threads} selector threads; events are recorded once {@link #recordInto} names where. */
  LoadDriver(int threads) {
    for (int i = 0; i < threads; i++) {
      loops.add(new SelectorLoop("fanout-driver-" + i));
    }
  }

  /**
   * Opens {@code count} connections to {@code uri} (subscribing to {@code channel} unless null), at most
   * {@code atOnce} handshakes in flight, and waits until all are ready.
   *
   * @throws IOException when a connection failed before being ready
   * @throws TimeoutException when they were not all ready within {@code timeoutMillis}
   */
  void connect(URI uri, String channel, int count, int atOnce, long timeoutMillis) throws Exception {
    inFlight = new Semaphore(atOnce);
    settled = new CountDownLatch(count);
    InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int i = 0; i < count; i++) {
      if (!inFlight.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        throw new TimeoutException("connecting: " + i + " of " + count + " handshakes started");
      }
      throwIfFailed();
      WireClient client = new WireClient(uri, channel, this);
      clients.add(client);
      SocketChannel socket = SocketChannel.open();
      socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
      socket.configureBlocking(false);
      open.incrementAndGet();
      loops.get(i % loops.size()).execute(selector -> {
        try {
          client.start(socket, selector, address);
        } catch (IOException e) {
          client.fail(e);
        }
      });
    }
    if (!settled.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(settled.getCount() + " of " + count + " connections not ready");
    }
    throwIfFailed();
  }

  /** Where received events are recorded from now on (a warm-up phase, then the measured one). */
  void recordInto(Deliveries target) {
    deliveries = target;
  }

  @Override
  public boolean record(byte[] bytes, int offset, int length, long nowNanos) {
    Deliveries d = deliveries;
    return d != null && d.record(bytes, offset, length, nowNanos);
  }

  /** CPU nanoseconds the selector threads have used so far. */
  long loopCpuNanos() {
    return loops.stream().mapToLong(SelectorLoop::cpuNanos).sum();
  }

  /** Connections that broke (closed by the server or failed) after they were ready. */
  int brokenAfterReady() {
    return brokenAfterReady.get();
  }

  @Override
  public void ready(WireClient client) {
    inFlight.release();
    settled.countDown();
  }

  @Override
  public void failed(WireClient client, Throwable cause, boolean wasReady) {
    if (wasReady) {
      brokenAfterReady.incrementAndGet();
      return;
    }
    firstFailure.compareAndSet(null, cause);
    inFlight.release();
    settled.countDown();
  }

  @Override
  public void closed(WireClient client) {
    open.decrementAndGet();
  }

  private void throwIfFailed() throws IOException {
    Throwable failure = firstFailure.get();
    if (failure != null) {
      throw new IOException("a connection failed before it was ready", failure);
    }
  }

  /** Closing handshake on every connection (up to 5 s for the servers' answers), then stops the threads. */
  @Override
  public void close() throws Exception {
    for (int i = 0; i < clients.size(); i++) {
      WireClient client = clients.get(i);
      loops.get(i % loops.size()).execute(selector -> client.close());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (open.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    for (int i = 0; i < clients.size(); i++) {
      WireClient client = clients.get(i);
      loops.get(i % loops.size()).execute(selector -> client.fail(new IOException("driver stopped")));
    }
    Thread.sleep(50);
    for (SelectorLoop loop : loops) {
      loop.close();
    }
  }
}
