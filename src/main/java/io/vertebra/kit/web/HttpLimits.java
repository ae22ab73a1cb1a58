package io.vertebra.kit.web;

import java.util.Map;

/**
 * The HTTP front door's limits against slow and greedy clients (see {@link BodyGate}, {@link ClientLimit} and
 * {@link ClientRate}), from {@code HTTP_BODY_TIMEOUT} (seconds a request body may take to arrive in full),
 * {@code HTTP_MAX_REQUESTS_PER_CLIENT} (requests one remote address may have in flight) and
 * {@code SIGN_INS_PER_CLIENT} (sign-ins one remote address may make at once and then per hour; 0 = no limit).
 *
 * @param bodyTimeoutMillis how long a body may take, from the end of the request's headers
 * @param maxRequestsPerClient requests in flight per remote address
 * @param signInsPerClient the burst of sign-ins per remote address, refilled at as many per hour; 0 = no limit
 */
public record HttpLimits(long bodyTimeoutMillis, int maxRequestsPerClient, int signInsPerClient) {

  /**
   * 10 s for a body (a 256 KiB post needs 26 KB/s), 256 requests in flight per client, 20 sign-ins per client at
   * once and 20 more per hour (a fifth of a presence channel's 100 members; a browser signs in once a month).
   */
  public static HttpLimits defaults() {
    return new HttpLimits(10_000, 256, 20);
  }

  /**
   * Reads the three variables; unset or blank means the default.
   *
   * @throws IllegalArgumentException naming the variable when a value is not a positive whole number (or 0 for
   *     {@code SIGN_INS_PER_CLIENT})
   */
  public static HttpLimits from(Map<String, String> env) {
    HttpLimits d = defaults();
    return new HttpLimits(positive(env, "HTTP_BODY_TIMEOUT", d.bodyTimeoutMillis / 1000) * 1000,
        (int) positive(env, "HTTP_MAX_REQUESTS_PER_CLIENT", d.maxRequestsPerClient),
        (int) notNegative(env, "SIGN_INS_PER_CLIENT", d.signInsPerClient));
  }

  private static long notNegative(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    return value != null && value.trim().equals("0") ? 0 : positive(env, name, fallback);
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
