package io.vertebra.reliability;

/**
 * Sizes of the reliability runs: small enough for every {@code mvn verify}, or the heavy figures of RELIABILITY.md
 * with {@code -Preliability} (which sets the system property {@code reliability.heavy=true}).
 */
final class Heavy {

  private Heavy() {}

  /** Whether the heavy run was asked for. */
  static boolean enabled() {
    return Boolean.getBoolean("reliability.heavy");
  }

  /** {@code ci} in the normal build, {@code heavy} in the heavy run; a system property {@code name} overrides both. */
  static int size(String name, int ci, int heavy) {
    return Integer.getInteger(name, enabled() ? heavy : ci);
  }

  /** The random seed: {@code -Dreliability.seed=N} replays a run; otherwise a fresh one (always printed). */
  static long seed(String test) {
    long seed = Long.getLong("reliability.seed", System.nanoTime());
    System.out.println(test + ": seed " + seed + " (replay with -Dreliability.seed=" + seed + ")");
    return seed;
  }
}
