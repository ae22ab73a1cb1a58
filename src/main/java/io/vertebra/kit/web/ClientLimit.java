package io.vertebra.kit.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds how many requests one client (remote IP address) may have in flight at once; more get {@code 429} JSON
 * and a closed connection, without their body being read. So one client cannot hold every connection slot, body
 * buffer or thread of the server (issue 21). WebSocket upgrades (long-lived by design, with their own limits in
 * the channels server) and the probes named by {@code exempt} ({@code /healthz}, {@code /metrics}: cheap, no
 * body, and what operators use to see an attack) are not counted. The remote address is the TCP peer's: behind
 * a reverse proxy every client shares the proxy's, so raise the limit there (HTTP_MAX_REQUESTS_PER_CLIENT).
 */
public final class ClientLimit extends Handler.Wrapper {

  private final int maxPerClient;
  private final Set<String> exempt;
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  /** A limit of {@code maxPerClient} requests in flight per remote address around {@code next}. */
  public ClientLimit(Handler next, int maxPerClient, Set<String> exempt) {
    super(next);
    this.maxPerClient = maxPerClient;
    this.exempt = Set.copyOf(exempt);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (exempt.contains(Request.getPathInContext(request)) || request.getHeaders().contains(HttpHeader.UPGRADE)) {
      return super.handle(request, response, callback);
    }
    String client = client(request.getConnectionMetaData().getRemoteSocketAddress());
    if (inFlight.merge(client, 1, Integer::sum) > maxPerClient) {
      release(client);
      CoreRefusal.send(response, callback, 429, "Too many requests in flight from this client (limit "
          + maxPerClient + "); retry when earlier ones are answered");
      return true;
    }
    Callback done = Callback.from(callback, () -> release(client));
    try {
      if (super.handle(request, response, done)) {
        return true;
      }
    } catch (Throwable failure) {
      release(client);
      throw failure;
    }
    release(client);
    return false;
  }

  /** Requests in flight from {@code client} (for tests and metrics). */
  int inFlight(String client) {
    return inFlight.getOrDefault(client, 0);
  }

  private void release(String client) {
    inFlight.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1); // atomic per key; idle clients leave
  }

  private static String client(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress() : String.valueOf(address);
  }
}
