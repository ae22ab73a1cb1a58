package io.vertebra.kit.web;

import java.util.Map;

/**
 * The HTTP front door's limits against slow and greedy clients (see {@link BodyGate} and {@link ClientLimit}),
 * from {@code HTTP_BODY_TIMEOUT} (seconds a request body may take to arrive in full) and
 * {@code HTTP_MAX_REQUESTS_PER_CLIENT} (requests one remote address may have in flight).
 *
 * @param bodyTimeoutMillis how long a body may take, from the end of the request's headers
 * @param maxRequestsPerClient requests in flight per remote address
 */
public record HttpLimits(long bodyTimeoutMillis, int maxRequestsPerClient) {

  /** 10 s for a body (a 256 KiB post needs 26 KB/s), 256 requests in flight per client. */
  public static HttpLimits defaults() {
    return new HttpLimits(10_000, 256);
  }

  /**
   * Reads the two variables; unset or blank means the default.
   *
   * @throws IllegalArgumentException naming the variable when a value is not a positive whole number
   */
  public static HttpLimits from(Map<String, String> env) {
    HttpLimits d = defaults();
    return new HttpLimits(positive(env, "HTTP_BODY_TIMEOUT", d.bodyTimeoutMillis / 1000) * 1000,
        (int) positive(env, "HTTP_MAX_REQUESTS_PER_CLIENT", d.maxRequestsPerClient));
  }

  private static long positive(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n > 0 && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value.trim() + "'");
  }
}
