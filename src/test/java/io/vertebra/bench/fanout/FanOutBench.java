package io.vertebra.bench.fanout;

import io.vertebra.bench.Report;
import java.util.Arrays;
import java.util.List;

/**
 * Fan-out benchmark: the channels server against a bare Jetty WebSocket broadcast (the baseline), same clients, same
 * trigger schedule, in one run. System properties: {@code connections} (1000), {@code events} (200), {@code rate}
 * events/s (20; 0 = back to back), {@code serverJvm} JVM options of both servers ("-Xmx512m"), {@code jar}
 * (target/vertebra.jar), {@code driverThreads} selector threads of the load driver (1), {@code warmupEvents} unmeasured
 * events before the measured ones (100). Writes
 * target/benchmarks/fanout-C.json.
 */
public final class FanOutBench {

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("connections", 1000);
    int events = Integer.getInteger("events", 200);
    double rate = Double.parseDouble(System.getProperty("rate", "20"));
    List<String> jvm = Arrays.asList(System.getProperty("serverJvm", "-Xmx512m").trim().split("\\s+"));
    String jar = System.getProperty("jar", "target/vertebra.jar");
    int driverThreads = Integer.getInteger("driverThreads", 1);
    int warmup = Integer.getInteger("warmupEvents", 100);
    FanOutRun run = new FanOutRun(connections, events, rate, 20_000, driverThreads, warmup);

    Report report = new Report("fanout-" + connections + (rate > 0 ? "" : "-burst"));
    report.put("connections", connections).put("events", events).put("rate_per_s", rate)
        .put("server_jvm", String.join(" ", jvm)).put("driver_threads", driverThreads)
        .put("warmup_events", warmup);
    FanOutRun.Result base;
    try (Target t = new BareTarget(jvm)) {
      base = run.run(t);
    }
    put(report, "baseline", base);
    FanOutRun.Result ours;
    try (Target t = new ChannelsTarget(jar, jvm)) {
      ours = run.run(t);
    }
    put(report, "channels", ours);
    report.ratio("ratio.deliveries_per_s", ours.deliveriesPerSecond(), base.deliveriesPerSecond());
    report.ratio("ratio.latency_p50", ours.latency().p50(), base.latency().p50());
    report.ratio("ratio.latency_p99", ours.latency().p99(), base.latency().p99());
    report.ratio("ratio.connections_per_s", ours.connectionsPerSecond(), base.connectionsPerSecond());
    report.ratio("ratio.rss_per_connection", ours.rssKibPerConnection(), base.rssKibPerConnection());
    report.ratio("ratio.heap_per_connection", ours.heapKibPerConnection(), base.heapKibPerConnection());
    report.ratio("ratio.server_cpu_per_delivery", ours.serverCpuMicrosPerDelivery(),
        base.serverCpuMicrosPerDelivery());
    report.put("all_delivered", ours.delivered() == ours.expected() && base.delivered() == base.expected());
    report.write();
  }

  private static void put(Report r, String who, FanOutRun.Result x) {
    r.put(who + ".connections_per_s", Report.round(x.connectionsPerSecond()));
    r.put(who + ".connect_s", Report.round(x.connectSeconds()));
    r.put(who + ".rss_idle_mib", Report.round(x.idleRssKib() / 1024.0));
    r.put(who + ".rss_mib", Report.round(x.rssKib() / 1024.0));
    r.put(who + ".heap_idle_mib", Report.round(x.idleHeapKib() / 1024.0));
    r.put(who + ".heap_live_mib", Report.round(x.heapKib() / 1024.0));
    r.put(who + ".rss_kib_per_connection", Report.round(x.rssKibPerConnection()));
    r.put(who + ".heap_kib_per_connection", Report.round(x.heapKibPerConnection()));
    r.put(who + ".trigger_failures", x.triggerFailures());
    r.put(who + ".trigger", x.trigger());
    r.put(who + ".expected", x.expected());
    r.put(who + ".delivered", x.delivered());
    r.put(who + ".connections_broken", x.brokenConnections());
    r.put(who + ".deliveries_per_s", Report.round(x.deliveriesPerSecond()));
    r.put(who + ".latency", x.latency());
    r.put(who + ".server_cpu_us_per_delivery", Report.round(x.serverCpuMicrosPerDelivery()));
    r.put(who + ".server_cpu_system_share", Report.round(x.serverSystemShare()));
    r.put(who + ".driver_cpu_us_per_delivery", Report.round(x.driverCpuMicrosPerDelivery()));
    r.put(who + ".driver_loop_cpu_us_per_delivery", Report.round(x.loopCpuMicrosPerDelivery()));
  }
}
