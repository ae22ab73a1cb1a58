package io.vertebra.channels.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards everything under {@code /console} with {@link ConsoleAccess}. A refused request gets 401 with a Basic
 * challenge (the browser asks for the key and secret) and a JSON explanation; the secret is never sent anywhere.
 * Loopback is trusted only for a loopback {@code Host}, so a web page that rebinds its own name to 127.0.0.1
 * cannot use the console from the developer's browser.
 */
final class ConsoleGuard extends HttpFilter {

  private final transient ConsoleAccess access;

  ConsoleGuard(ConsoleAccess access) {
    this.access = access;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean proxied = ConsoleAccess.PROXY_HEADERS.stream().anyMatch(h -> request.getHeader(h) != null)
        || !isLoopbackHost(request.getServerName());
    if (access.allows(request.getRemoteAddr(), proxied, request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + ConsoleAccess.REALM + "\", charset=\"UTF-8\"");
    ConsoleResponses.error(request, response, 401, "unauthorized", "The console is open to loopback clients only;"
        + " from elsewhere sign in with the app key as user name and the app secret as password");
  }

  /** Whether the Host the client asked for names this machine's loopback interface. */
  private static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return "localhost".equalsIgnoreCase(bare) || ConsoleAccess.isLoopback(bare);
  }
}
