package io.vertebra.bench.fanout;

import io.vertebra.bench.BenchOptions;
import io.vertebra.bench.CpuTime;
import io.vertebra.bench.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * Connection storms on one server process, nothing else: {@code runs} times, {@code connections} clients connect
 * (and subscribe) with {@code connectBurst} handshakes in flight, then close. Prints each storm's connect time and
 * the server's CPU per connection (launcher, child and JIT threads together); the first storm is the fresh
 * process's. Cheaper than the fan-out benchmark for an A/B of the handshake path, and without its event phase
 * between storms. System properties as {@link FanOutBench}: {@code connections}, {@code connectBurst}, {@code runs},
 * {@code serverJvm}, {@code jar}, {@code peers} ("soketi" or empty). Writes target/benchmarks/storms-C.json.
 */
public final class StormBench {

  private StormBench() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("connections", 1000);
    int burst = Integer.getInteger("connectBurst", 100);
    int storms = Integer.getInteger("runs", 10);
    List<String> jvm = BenchOptions.serverJvm("");
    String jar = System.getProperty("jar", "target/vertebra.jar");
    Report report = new Report("storms-" + connections);
    report.put("connections", connections).put("connect_burst", burst).put("storms", storms)
        .put("server_jvm", String.join(" ", jvm)).put("jar", jar);
    System.out.println("server     storm  connect_s  cpu_us/connect");
    if (BenchOptions.peers("soketi").contains("soketi")) { // Soketi is the one peer of this benchmark
      try (Target target = SoketiTarget.start()) {
        storms(target, "soketi", connections, burst, storms, report);
      }
    }
    try (Target target = ChannelsTarget.start(jar, jvm)) {
      storms(target, "channels", connections, burst, storms, report);
    }
    report.write();
  }

  private static void storms(Target target, String name, int connections, int burst, int storms, Report report)
      throws Exception {
    List<Long> pids = new ArrayList<>(target.process().descendants()); // a launcher's server, if any
    pids.add(target.process().pid());
    for (int i = 1; i <= storms; i++) {
      long cpu = CpuTime.ofProcesses(pids);
      long start = System.nanoTime();
      try (LoadDriver driver = new LoadDriver(1)) {
        driver.connect(target.socketUri(), target.channel(), connections, burst, 120_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        double micros = (CpuTime.ofProcesses(pids) - cpu) / 1e3 / connections;
        System.out.printf("%-10s %5d %10.2f %15.0f%n", name, i, seconds, micros);
        report.put(name + ".storm" + i + ".connect_s", Report.round(seconds));
        report.put(name + ".storm" + i + ".server_cpu_us_per_connect", Report.round(micros));
      }
      Thread.sleep(500); // the closes of this storm are done before the next one is measured
    }
  }
}
