package io.vertebra.kit.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses cross-site requests that could change something with the user's cookie (CSRF), as a second line behind
 * the session cookie's {@code SameSite=Lax}: a request with any method but GET, HEAD or OPTIONS is answered
 * {@code 403 {"error":"forbidden"}} when the browser says it comes from another site.
 *
 * <ul>
 *   <li>{@code Origin} present: it must name this server (scheme-less host and port equal to {@code Host});
 *       {@code Origin: null} (sandboxed frames, local files) is refused.</li>
 *   <li>No {@code Origin} but {@code Sec-Fetch-Site}: it must be {@code same-origin} or {@code none} (typed by the
 *       user).</li>
 *   <li>Neither header: not a browser (curl, pusher-http-java, tests): allowed, since such a client holds its own
 *       cookie and cannot be tricked into sending someone else's.</li>
 * </ul>
 */
public final class CrossSiteGuard implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    String refusal = refusal(request.getMethod(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
        request.getHeader("Host"));
    if (refusal == null) {
      chain.doFilter(req, resp);
      return;
    }
    RefusedBodies.drain(request, response);
    byte[] body = JsonErrorHandler.body(HttpServletResponse.SC_FORBIDDEN, refusal).getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Why a request must be refused, or null when it may go on. */
  public static String refusal(String method, String origin, String fetchSite, String host) {
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return null;
    }
    if (origin != null) {
      return OriginPolicy.sameHost(origin, host) ? null : "Cross-site request refused: Origin " + shorten(origin)
          + " is not this site";
    }
    if (fetchSite != null) {
      String site = fetchSite.trim().toLowerCase(Locale.ROOT);
      return site.equals("same-origin") || site.equals("none") ? null
          : "Cross-site request refused (Sec-Fetch-Site: " + shorten(site) + ")";
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }
}
