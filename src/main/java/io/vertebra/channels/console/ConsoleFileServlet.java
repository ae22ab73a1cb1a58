package io.vertebra.channels.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One small file of the console served from the classpath: the host page ({@code GET /console}, which loads
 * pusher-js and the compiled client) and its style sheet. From the classpath so that they exist in
 * {@code channels} mode too, where no web app is served.
 */
final class ConsoleFileServlet extends HttpServlet {

  private final byte[] page;
  private final String contentType;

  /** Serves the resource {@code name} (next to this class) as {@code contentType}. */
  ConsoleFileServlet(String name, String contentType) {
    this.contentType = contentType;
    try (InputStream in = ConsoleFileServlet.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setContentType(contentType);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    // Never inside another site's frame: the event creator must not be clickjacked.
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
