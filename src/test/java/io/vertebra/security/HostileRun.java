package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One seeded run of generated hostile cases against one surface: the seed (printed, so a failure can be replayed
 * with {@code -Dvertebra.hostile.seed=N}), the case count (base count times {@code -Dvertebra.hostile.scale=K},
 * default 1 for CI), a tally of outcomes printed at the end for the figures in docs/security.md, and the bad
 * answers, listed by {@link #finish()}.
 */
final class HostileRun {

  static final String SEED_PROPERTY = "vertebra.hostile.seed";
  static final String SCALE_PROPERTY = "vertebra.hostile.scale";
  /** Bad answers kept before a run stops: enough to see the pattern, and a broken server does not take minutes. */
  private static final int MAX_FAILURES = 10;

  final String surface;
  final long seed;
  final int cases;
  final Random random;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int tried;

  HostileRun(String surface, int baseCases) {
    this.surface = surface;
    String fixed = System.getProperty(SEED_PROPERTY);
    this.seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : System.nanoTime();
    this.cases = baseCases * Math.max(1, Integer.getInteger(SCALE_PROPERTY, 1));
    this.random = new Random(seed);
    System.out.println("[hostile] " + surface + ": " + cases + " cases, seed " + seed + " (replay with -D"
        + SEED_PROPERTY + "=" + seed + ")");
  }

  /** Whether to try case {@code index}: there are cases left and fewer than {@value #MAX_FAILURES} bad answers. */
  boolean more(int index) {
    return index < cases && failures.size() < MAX_FAILURES;
  }

  /** Sends one generated HTTP request, counts its status as the outcome, and returns the answer. */
  RawHttp.Response send(RawHttp raw, RawHttp.Request request) {
    RawHttp.Response response = raw.send(request);
    count(Integer.toString(response.status()));
    return response;
  }

  /** Records one case's outcome (e.g. "400", "close 4009"). */
  void count(String outcome) {
    tried++;
    outcomes.merge(outcome, 1, Integer::sum);
  }

  /** Records a bad answer to case {@code index} (what was wrong, what was sent, what came back). */
  void bad(int index, String what) {
    failures.add(replay(index) + what);
  }

  /** What to put before a failure message so the case can be replayed. */
  String replay(int index) {
    return "[" + surface + " case " + index + ", -D" + SEED_PROPERTY + "=" + seed + "] ";
  }

  int tried() {
    return tried;
  }

  Map<String, Integer> outcomes() {
    return outcomes;
  }

  /** Prints the figures: cases tried and outcomes by kind. */
  private void report() {
    System.out.println("[hostile] " + surface + ": " + tried + " cases tried, seed " + seed + ", outcomes " + outcomes);
  }

  /** Prints the figures, then fails listing the bad answers if there are any. */
  void finish() {
    report();
    if (!failures.isEmpty()) {
      fail(failures.size() + " bad answers:\n" + String.join("\n", failures));
    }
  }
}
