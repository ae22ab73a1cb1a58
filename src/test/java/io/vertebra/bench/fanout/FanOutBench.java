package io.vertebra.bench.fanout;

import io.vertebra.bench.BenchOptions;
import io.vertebra.bench.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out benchmark: the channels server against its baselines in one run, same clients, same trigger schedule: a
 * bare Jetty WebSocket broadcast ({@code baseline}) and Soketi ({@code soketi}), the Pusher-protocol peer users
 * compare with; on request the machine's floor ({@code floor}, {@code floor2}: {@link FloorServer} with one or two
 * writer threads), what any server's fan-out costs on this machine and this driver. System properties: {@code connections} (1000), {@code connectBurst} handshakes in flight while
 * connecting (200), {@code events} (200), {@code rate} events/s (20; 0 = back to back), {@code serverJvm} JVM options
 * of the Java servers ("-Xmx512m"; empty = none, as a user starts the jar), {@code jar} (target/vertebra.jar),
 * {@code driverThreads} selector threads of the load driver (1), {@code warmupEvents} unmeasured events before the
 * measured ones (100; 0 with runs > 1 shows the cold start), {@code runs} runs on each server process (1),
 * {@code peers} the baselines to run ("bare,soketi"; also floor, floor2). Writes target/benchmarks/fanout-C.json.
 */
public final class FanOutBench {

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("connections", 1000);
    int burst = Integer.getInteger("connectBurst", 200);
    int events = Integer.getInteger("events", 200);
    double rate = Double.parseDouble(System.getProperty("rate", "20"));
    List<String> jvm = BenchOptions.serverJvm("-Xmx512m");
    String jar = System.getProperty("jar", "target/vertebra.jar");
    int driverThreads = Integer.getInteger("driverThreads", 1);
    int warmup = Integer.getInteger("warmupEvents", 100);
    int runs = Integer.getInteger("runs", 1);
    List<String> peers = BenchOptions.peers("bare,soketi");
    FanOutRun run = new FanOutRun(connections, burst, events, rate, 20_000, driverThreads, warmup);

    Report report = new Report("fanout-" + connections + (rate > 0 ? "" : "-burst"));
    report.put("connections", connections).put("connect_burst", burst).put("events", events)
        .put("rate_per_s", rate).put("server_jvm", String.join(" ", jvm)).put("driver_threads", driverThreads)
        .put("warmup_events", warmup).put("runs", runs).put("peers", String.join(",", peers));
    Map<String, List<FanOutRun.Result>> results = new LinkedHashMap<>();
    for (String peer : peers) {
      results.put(peer.equals("bare") ? "baseline" : peer, measure(peer, jvm, jar, run, runs, report));
    }
    List<FanOutRun.Result> ours = measure("channels", jvm, jar, run, runs, report);
    boolean allDelivered = ours.stream().allMatch(r -> r.delivered() == r.expected());
    for (Map.Entry<String, List<FanOutRun.Result>> peer : results.entrySet()) {
      String prefix = peer.getKey().equals("baseline") ? "ratio" : "ratio_" + peer.getKey();
      for (int i = 0; i < runs; i++) {
        ratios(report, prefix + suffix(i, runs), ours.get(i), peer.getValue().get(i));
      }
      allDelivered &= peer.getValue().stream().allMatch(r -> r.delivered() == r.expected());
    }
    report.put("all_delivered", allDelivered);
    summary(results, ours);
    report.write();
  }

  // Starts one server, runs `runs` times against the same process (run 1 is its first minute when warmupEvents=0).
  private static List<FanOutRun.Result> measure(String who, List<String> jvm, String jar, FanOutRun run, int runs,
      Report report) throws Exception {
    List<FanOutRun.Result> results = new ArrayList<>();
    try (Target t = target(who, jvm, jar)) {
      for (int i = 0; i < runs; i++) {
        FanOutRun.Result r = run.run(t);
        put(report, t.name() + suffix(i, runs), r);
        results.add(r);
      }
    }
    return results;
  }

  private static Target target(String who, List<String> jvm, String jar) throws Exception {
    return switch (who) {
      case "bare" -> BareTarget.jetty(jvm);
      case "floor" -> BareTarget.floor(jvm, 1);
      case "floor2" -> BareTarget.floor(jvm, 2);
      case "soketi" -> SoketiTarget.start();
      case "channels" -> ChannelsTarget.start(jar, jvm);
      default -> throw new IllegalArgumentException("unknown peer '" + who + "': bare, floor, floor2 or soketi");
    };
  }

  private static String suffix(int run, int runs) {
    return runs == 1 ? "" : ".run" + (run + 1);
  }

  private static void ratios(Report report, String prefix, FanOutRun.Result ours, FanOutRun.Result base) {
    report.ratio(prefix + ".deliveries_per_s", ours.deliveriesPerSecond(), base.deliveriesPerSecond());
    report.ratio(prefix + ".latency_p50", ours.latency().p50(), base.latency().p50());
    report.ratio(prefix + ".latency_p99", ours.latency().p99(), base.latency().p99());
    report.ratio(prefix + ".connections_per_s", ours.connectionsPerSecond(), base.connectionsPerSecond());
    report.ratio(prefix + ".server_cpu_per_connect", ours.serverCpuMicrosPerConnect(),
        base.serverCpuMicrosPerConnect());
    report.ratio(prefix + ".rss", ours.rssKib(), base.rssKib());
    report.ratio(prefix + ".rss_per_connection", ours.rssKibPerConnection(), base.rssKibPerConnection());
    if (base.heapKib() >= 0) {
      report.ratio(prefix + ".heap_per_connection", ours.heapKibPerConnection(), base.heapKibPerConnection());
    }
    report.ratio(prefix + ".server_cpu_per_delivery", ours.serverCpuMicrosPerDelivery(),
        base.serverCpuMicrosPerDelivery());
  }

  // One line per server and run, the figures a reader compares first.
  private static void summary(Map<String, List<FanOutRun.Result>> peers, List<FanOutRun.Result> ours) {
    System.out.println("server     run  connect_s  overflows    p50_ms    p99_ms    max_ms   rss_mib"
        + "  cpu_us/delivery  cpu_us/connect");
    Map<String, List<FanOutRun.Result>> all = new LinkedHashMap<>(peers);
    all.put("channels", ours);
    all.forEach((who, results) -> {
      for (int i = 0; i < results.size(); i++) {
        FanOutRun.Result r = results.get(i);
        System.out.printf("%-10s %3d %10.2f %10d %9.1f %9.1f %9.1f %9.0f %16.1f %15.0f%n", who, i + 1,
            r.connectSeconds(), r.listenOverflows(), r.latency().p50(), r.latency().p99(), r.latency().max(), r.rssKib() / 1024.0,
            r.serverCpuMicrosPerDelivery(), r.serverCpuMicrosPerConnect());
      }
    });
  }

  private static void put(Report r, String who, FanOutRun.Result x) {
    r.put(who + ".connections_per_s", Report.round(x.connectionsPerSecond()));
    r.put(who + ".connect_s", Report.round(x.connectSeconds()));
    r.put(who + ".server_cpu_us_per_connect", Report.round(x.serverCpuMicrosPerConnect()));
    r.put(who + ".listen_overflows", x.listenOverflows());
    r.put(who + ".rss_idle_mib", Report.round(x.idleRssKib() / 1024.0));
    r.put(who + ".rss_mib", Report.round(x.rssKib() / 1024.0));
    r.put(who + ".rss_kib_per_connection", Report.round(x.rssKibPerConnection()));
    if (x.heapKib() >= 0) {
      r.put(who + ".heap_idle_mib", Report.round(x.idleHeapKib() / 1024.0));
      r.put(who + ".heap_live_mib", Report.round(x.heapKib() / 1024.0));
      r.put(who + ".heap_kib_per_connection", Report.round(x.heapKibPerConnection()));
    }
    r.put(who + ".trigger_failures", x.triggerFailures());
    r.put(who + ".trigger", x.trigger());
    r.put(who + ".expected", x.expected());
    r.put(who + ".delivered", x.delivered());
    r.put(who + ".connections_broken", x.brokenConnections());
    r.put(who + ".deliveries_per_s", Report.round(x.deliveriesPerSecond()));
    r.put(who + ".latency", x.latency());
    r.put(who + ".server_cpu_us_per_delivery", Report.round(x.serverCpuMicrosPerDelivery()));
    r.put(who + ".server_cpu_system_share", Report.round(x.serverSystemShare()));
    r.put(who + ".server_jit_cpu_us_per_delivery", Report.round(x.serverJitMicrosPerDelivery()));
    r.put(who + ".driver_cpu_us_per_delivery", Report.round(x.driverCpuMicrosPerDelivery()));
    r.put(who + ".driver_loop_cpu_us_per_delivery", Report.round(x.loopCpuMicrosPerDelivery()));
  }
}
