package io.vertebra.kit.ops;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One thing {@code /healthz} checks (the database, the channels server...). A check answers quickly: anything that
 * can block runs under a {@link TimedProbe}.
 */
public interface HealthCheck {

  /** The key of this check in the health report, e.g. {@code "database"}. */
  String name();

  /** Checks now. */
  Status check();

  /** A check called {@code name} that asks {@code check} (which must answer at once). */
  static HealthCheck of(String name, Supplier<Status> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Status check() {
        return check.get();
      }
    };
  }

  /**
   * The outcome of a check.
   *
   * @param healthy whether this part can serve
   * @param problem what is wrong, or null when healthy
   * @param details extra facts for the report (small, no secrets)
   */
  record Status(boolean healthy, String problem, Map<String, Object> details) {

    /** Healthy, with {@code details}. */
    public static Status up(Map<String, Object> details) {
      return new Status(true, null, details);
    }

    /** Unhealthy because of {@code problem}. */
    public static Status down(String problem, Map<String, Object> details) {
      return new Status(false, problem, details);
    }
  }
}
