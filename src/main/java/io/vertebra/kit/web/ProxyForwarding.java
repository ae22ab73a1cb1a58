package io.vertebra.kit.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;

/**
 * Makes a request that came through a {@link TrustedProxies trusted proxy} look as the client sent it: the client's
 * address (per-address limits, logs), its scheme ({@code isSecure()}: the session cookie's {@code Secure}, the
 * {@code forceTLS} and port in {@code /api/config}) and its {@code Host} (the Host and Origin checks, the
 * {@code wsHost} in {@code /api/config}). A request from any other peer is left exactly as it arrived, forwarding
 * headers and all: they are the client's own words then, and code that sees them (the console's remote test) treats
 * them as such. Runs as a Jetty request customizer, before any handler.
 */
public final class ProxyForwarding implements HttpConfiguration.Customizer {

  private final TrustedProxies trusted;

  /** Honours forwarding headers from {@code trusted} peers only. */
  public ProxyForwarding(TrustedProxies trusted) {
    this.trusted = trusted;
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
    if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null || !trusted.trusts(inet.getAddress())) {
      return request;
    }
    HttpFields headers = request.getHeaders();
    Forwarding forwarding = Forwarding.resolve(values(headers, HttpHeader.FORWARDED),
        values(headers, HttpHeader.X_FORWARDED_FOR), values(headers, HttpHeader.X_FORWARDED_PROTO),
        values(headers, HttpHeader.X_FORWARDED_HOST), trusted);
    return forwarding.isEmpty() ? request : new Forwarded(request, forwarding);
  }

  private static List<String> values(HttpFields headers, HttpHeader header) {
    return headers.getValuesList(header);
  }

  /** The request as the client sent it to the outermost trusted proxy. */
  private static final class Forwarded extends Request.Wrapper {

    private final HttpURI uri;
    private final HttpFields headers;
    private final boolean secure;
    private final ConnectionMetaData metaData;

    Forwarded(Request request, Forwarding forwarding) {
      super(request);
      HttpURI original = request.getHttpURI();
      String scheme = forwarding.proto() != null ? forwarding.proto() : original.getScheme();
      secure = HttpScheme.HTTPS.is(scheme);
      HttpURI.Mutable rewritten = HttpURI.build(original).scheme(scheme);
      String hostHeader = request.getHeaders().get(HttpHeader.HOST);
      String authority = forwarding.host() != null ? forwarding.host() : hostHeader;
      if (authority != null) {
        HostPort hostPort = new HostPort(authority);
        int port = hostPort.getPort(secure ? 443 : 80);
        rewritten.authority(hostPort.getHost(), port);
      } else if (forwarding.proto() != null) {
        rewritten.port(secure ? 443 : 80);
      }
      uri = rewritten.asImmutable();
      headers = forwarding.host() == null ? request.getHeaders()
          : HttpFields.build(request.getHeaders()).put(HttpHeader.HOST, forwarding.host()).asImmutable();
      SocketAddress client = forwarding.client() != null ? new InetSocketAddress(forwarding.client(), 0)
          : request.getConnectionMetaData().getRemoteSocketAddress();
      boolean isSecure = secure;
      metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
        @Override
        public SocketAddress getRemoteSocketAddress() {
          return client;
        }

        @Override
        public boolean isSecure() {
          return isSecure;
        }

        @Override
        public HostPort getServerAuthority() {
          return new HostPort(uri.getHost(), uri.getPort());
        }
      };
    }

    @Override
    public HttpURI getHttpURI() {
      return uri;
    }

    @Override
    public HttpFields getHeaders() {
      return headers;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public ConnectionMetaData getConnectionMetaData() {
      return metaData;
    }
  }
}
