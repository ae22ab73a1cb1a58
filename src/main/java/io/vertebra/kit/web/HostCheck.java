package io.vertebra.kit.web;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a request whose {@code Host} is not one of the {@link AllowedHosts} with {@code 421} JSON (the request
 * reached a server that does not serve that name), before anything else runs: the defence against DNS rebinding.
 * The probes named by {@code exempt} ({@code /healthz}, {@code /metrics}) answer whatever the Host, since
 * orchestrators and scrapers address a node by its IP.
 */
public final class HostCheck extends Handler.Wrapper {

  private final AllowedHosts hosts;
  private final Set<String> exempt;

  public HostCheck(Handler next, AllowedHosts hosts, Set<String> exempt) {
    super(next);
    this.hosts = hosts;
    this.exempt = Set.copyOf(exempt);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (hosts.any() || exempt.contains(Request.getPathInContext(request))
        || hosts.allows(request.getHeaders().get(HttpHeader.HOST))) {
      return super.handle(request, response, callback);
    }
    CoreRefusal.send(response, callback, 421, "This server does not answer to that host name; use one of "
        + String.join(", ", hosts.names()) + " (ALLOWED_HOSTS)");
    return true;
  }
}
