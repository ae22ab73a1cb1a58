package io.vertebra.bench.fanout;

import io.vertebra.bench.CpuTime;
import io.vertebra.bench.ListenOverflows;
import io.vertebra.bench.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One fan-out run against one {@link Target}: connect (and subscribe) C clients through the {@link LoadDriver},
 * measure the server's memory, trigger E events on a fixed schedule, collect every delivery's latency, close the
 * clients with a closing handshake.
 */
final class FanOutRun {

  /** What one run measured. */
  record Result(int connections, double connectSeconds, long listenOverflows, long idleRssKib, long idleHeapKib,
      long rssKib, long heapKib, int events, int triggerFailures, Percentiles trigger, int expected, int delivered,
      double deliverySeconds, Percentiles latency, int brokenConnections, long serverCpuNanos,
      long serverSystemNanos, long serverJitNanos, long driverCpuNanos, long loopCpuNanos, long connectCpuNanos) {

    /** Server CPU per connection while connecting (upgrade, connection_established, subscribe), in microseconds. */
    double serverCpuMicrosPerConnect() {
      return connectCpuNanos / 1e3 / connections;
    }

    double connectionsPerSecond() {
      return connections / connectSeconds;
    }

    double deliveriesPerSecond() {
      return delivered / deliverySeconds;
    }

    double rssKibPerConnection() {
      return (rssKib - idleRssKib) / (double) connections;
    }

    /** Heap per connection, or NaN when the server has no Java heap. */
    double heapKibPerConnection() {
      return heapKib < 0 ? Double.NaN : (heapKib - idleHeapKib) / (double) connections;
    }

    /** CPU per delivery while events flowed, in microseconds: the whole server process. */
    double serverCpuMicrosPerDelivery() {
      return serverCpuNanos / 1e3 / delivered;
    }

    /** Share of the server's CPU spent in the kernel. */
    double serverSystemShare() {
      return serverSystemNanos / (double) serverCpuNanos;
    }

    /**
     * The part of {@link #serverCpuMicrosPerDelivery} spent by a JVM's JIT compiler threads (0 for Soketi, whose
     * compiler threads are not named apart): compiling what runs once per event, still going after the warm-up.
     */
    double serverJitMicrosPerDelivery() {
      return serverJitNanos / 1e3 / delivered;
    }

    /** The same for the whole driver process (trigger calls and clients). */
    double driverCpuMicrosPerDelivery() {
      return driverCpuNanos / 1e3 / delivered;
    }

    /** The same for the driver's selector threads alone (reading the clients' frames). */
    double loopCpuMicrosPerDelivery() {
      return loopCpuNanos / 1e3 / delivered;
    }
  }

  /** Names of a HotSpot JVM's JIT compiler threads (as /proc shows them, cut to 15 characters). */
  private static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

  private final int connections;
  private final int connectBurst;
  private final int events;
  private final double rate;
  private final long drainMillis;
  private final int driverThreads;
  private final int warmup;

  /**
   * {@code rate} events per second (0 = back to back), after {@code warmup} unmeasured events at the same rate;
   * clients read by {@code driverThreads} threads.
   */
  FanOutRun(int connections, int connectBurst, int events, double rate, long drainMillis, int driverThreads,
      int warmup) {
    this.connectBurst = connectBurst;
    this.driverThreads = driverThreads;
    this.warmup = warmup;
    this.connections = connections;
    this.events = events;
    this.rate = rate;
    this.drainMillis = drainMillis;
  }

  Result run(Target target) throws Exception {
    long idleRss = target.process().rssKib();
    long idleHeap = target.liveHeapKib();
    Deliveries deliveries = new Deliveries(connections * events);
    try (LoadDriver driver = new LoadDriver(driverThreads)) {
      long overflows = ListenOverflows.now();
      List<Long> pids = new ArrayList<>(target.process().descendants()); // a launcher's server, if any
      pids.add(target.process().pid());
      long connectCpu = CpuTime.ofProcesses(pids);
      long t0 = System.nanoTime();
      driver.connect(target.socketUri(), target.channel(), connections, connectBurst, 120_000);
      double connectSeconds = (System.nanoTime() - t0) / 1e9;
      connectCpu = CpuTime.ofProcesses(pids) - connectCpu;
      overflows = ListenOverflows.now() - overflows;
      long rss = target.process().rssKib();
      long heap = target.liveHeapKib();

      // Warm-up: the same events, unmeasured, so both servers' (and the driver's) hot paths are compiled first.
      Deliveries warm = new Deliveries(connections * warmup);
      driver.recordInto(warm);
      int failures = trigger(target, warmup, new long[warmup]);
      warm.await(drainMillis);
      driver.recordInto(deliveries);

      long[] triggerNanos = new long[events];
      long serverCpu = CpuTime.ofProcesses(pids);
      long serverSystem = CpuTime.systemOfProcesses(pids);
      long serverJit = CpuTime.ofThreads(pids, JIT_THREADS);
      long driverCpu = CpuTime.ofThisProcess();
      long loopCpu = driver.loopCpuNanos();
      long start = System.nanoTime();
      failures += trigger(target, events, triggerNanos);
      deliveries.await(drainMillis);
      serverCpu = CpuTime.ofProcesses(pids) - serverCpu;
      serverSystem = CpuTime.systemOfProcesses(pids) - serverSystem;
      serverJit = CpuTime.ofThreads(pids, JIT_THREADS) - serverJit;
      driverCpu = CpuTime.ofThisProcess() - driverCpu;
      loopCpu = driver.loopCpuNanos() - loopCpu;
      int delivered = deliveries.count();
      double deliverySeconds = (deliveries.lastReceived() - start) / 1e9;
      Percentiles latency = Percentiles.of(deliveries.latencies(), delivered);
      return new Result(connections, connectSeconds, overflows, idleRss, idleHeap, rss, heap, events, failures,
          Percentiles.of(triggerNanos, events), connections * events, delivered, deliverySeconds, latency,
          driver.brokenAfterReady(), serverCpu, serverSystem, serverJit, driverCpu, loopCpu, connectCpu);
    }
  }

  // Triggers `count` stamped events at the run's rate, noting each trigger call's duration; returns the failures.
  private int trigger(Target target, int count, long[] triggerNanos) throws Exception {
    int failures = 0;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
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
    return failures;
  }
}
