package io.vertebra.bench;

import java.util.Map;

/**
 * Entry point of {@code mvn -Pbench test-compile exec:exec -Dbench=NAME}: runs one benchmark's main. Benchmarks
 * print figures and write target/benchmarks/*.json; they are not tests and never run in the build.
 */
public final class Bench {

  private static final Map<String, String> MAINS = Map.of(
      "fanout", "io.vertebra.bench.fanout.FanOutBench",
      "storms", "io.vertebra.bench.fanout.StormBench",
      "rest", "io.vertebra.bench.rest.RestBench",
      "data", "io.vertebra.bench.data.DataScaleBench",
      "bundle", "io.vertebra.bench.bundle.BundleBench",
      "todos-speed", "io.vertebra.bench.bundle.TodosSpeedBench",
      "todos-profile", "io.vertebra.bench.bundle.TodosToggleProfile",
      "browser", "io.vertebra.bench.browser.BrowserBench",
      "trigger", "io.vertebra.bench.trigger.TriggerBench",
      "slowbody", "io.vertebra.bench.slowbody.SlowBodyBench");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String main = args.length == 1 ? MAINS.get(args[0]) : null;
    if (main == null) {
      System.err.println("usage: Bench " + String.join("|", MAINS.keySet()));
      System.exit(2);
    }
    Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    // Client libraries (HTTP clients, pusher-http-java) may leave non-daemon threads: a benchmark ends here.
    System.exit(0);
  }
}
