package io.vertebra.channels.limits;

/**
 * An app's budget of HTTP API requests: up to {@code perSecond} in any second, refilled continuously (a token
 * bucket shared by every thread serving that app). A request over the budget learns how long until the next token,
 * which the API answers as {@code Retry-After}. Off at 0.
 */
public final class RequestBudget {

  private final int perSecond;
  private double tokens;
  private long refilledNanos;

  /** A budget of {@code perSecond} requests a second (0 = no limit), full at {@code nowNanos}. */
  public RequestBudget(int perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.refilledNanos = nowNanos;
  }

  /** The configured requests per second (0 = no limit). */
  public int perSecond() {
    return perSecond;
  }

  /**
   * Takes one request from the budget at {@code nowNanos}.
   *
   * @return 0 when the request may go ahead, else the whole seconds (at least 1) until one would be admitted
   */
  public synchronized long take(long nowNanos) {
    if (perSecond == 0) {
      return 0;
    }
    tokens = Math.min(perSecond, tokens + Math.max(0, nowNanos - refilledNanos) / 1e9 * perSecond);
    refilledNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
  }
}
