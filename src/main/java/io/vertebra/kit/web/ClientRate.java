package io.vertebra.kit.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Bounds how often one client may succeed at a request of the paths this filter is mapped to, for the given
 * method: a token bucket per client with a burst of {@code limit}, refilled at {@code limit} per {@code period}.
 * A request that finds the bucket empty gets {@code 429} JSON with {@code Retry-After}; a request that does not
 * succeed (any answer but 2xx) gives its token back, so only what really happened counts and mistakes cost
 * nothing. The token is taken before the request runs, so concurrent requests cannot overshoot the limit.
 *
 * <p>Used for sign-ins (issue 21): each one makes a new identity, and without a bound one client could make
 * enough throw-away users to fill a post's presence channel. The client is the TCP peer's address (IPv6 by its
 * /64 network, which one host usually holds whole): behind a reverse proxy every client shares the proxy's.
 */
public final class ClientRate implements Filter {

  private final String method;
  private final String what;
  private final ClientBuckets buckets;

  /**
   * A limit of {@code limit} successful {@code method} requests per client per {@code period}.
   *
   * @param what what is limited, for the refusal's message (e.g. "sign-ins")
   */
  public ClientRate(String method, String what, int limit, Duration period) {
    this(method, what, limit, period, System::nanoTime);
  }

  ClientRate(String method, String what, int limit, Duration period, LongSupplier nanoClock) {
    this.method = method;
    this.what = what;
    this.buckets = new ClientBuckets(limit, period.toNanos(), nanoClock);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    if (!request.getMethod().equals(method)) {
      chain.doFilter(req, resp);
      return;
    }
    String client = client(request.getRemoteAddr());
    long wait = buckets.take(client);
    if (wait > 0) {
      refuse(request, response, wait);
      return;
    }
    boolean succeeded = false;
    try {
      chain.doFilter(req, resp);
      succeeded = response.getStatus() / 100 == 2;
    } finally {
      if (!succeeded) {
        buckets.refund(client);
      }
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, long waitSeconds)
      throws IOException {
    RefusedBodies.drain(request, response);
    String message = "Too many " + what + " from this client; retry in " + waitSeconds + " s";
    byte[] body = JsonErrorHandler.body(429, message).getBytes(StandardCharsets.UTF_8);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(waitSeconds));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The key of a client address: an IPv4 address whole, an IPv6 address by its /64 network. */
  static String client(String address) {
    String literal = address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1) : address;
    if (!literal.contains(":")) {
      return literal;
    }
    try {
      byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal: parsed, never looked up
      return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : literal;
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
