package io.vertebra.kit.server;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.web.ProxyForwarding;
import java.io.IOException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The server's connectors: the public one (HTTP or TLS) and, with in-process TLS, a loopback one for triggers. */
final class Connectors {

  private Connectors() {}

  /**
   * The one public connector, bound: plain HTTP, or TLS with the PEM identity of TLS_CERT/TLS_KEY; either way
   * forwarding headers are believed from TRUSTED_PROXIES only.
   */
  static ServerConnector open(Server server, Config config) throws IOException {
    ServerConnector connector = create(server, config);
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setAcceptQueueSize(VertebraServer.ACCEPT_QUEUE);
    server.addConnector(connector);
    connector.open();
    return connector;
  }

  private static ServerConnector create(Server server, Config config) {
    HttpConfiguration http = new HttpConfiguration();
    if (config.tls() != null) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false); // ALLOWED_HOSTS decides which names are served, with a JSON answer
      http.addCustomizer(secure);
    }
    if (config.trustedProxies().enabled()) {
      http.addCustomizer(new ProxyForwarding(config.trustedProxies()));
    }
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    if (config.tls() == null) {
      return new ServerConnector(server, plain);
    }
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(config.tls().keyStore());
    ssl.setKeyStorePassword(config.tls().password());
    ssl.setKeyManagerPassword(config.tls().password());
    return new ServerConnector(server, ssl, plain);
  }

  /**
   * With in-process TLS, the app's own pusher-http-java reaches the embedded channels server over plain HTTP on a
   * loopback port of its own: the certificate names the public host, not 127.0.0.1.
   */
  static ServerConnector loopback(Server server) throws IOException {
    ServerConnector internal = new ServerConnector(server);
    internal.setHost("127.0.0.1");
    internal.setPort(0);
    server.addConnector(internal);
    internal.open();
    return internal;
  }
}
