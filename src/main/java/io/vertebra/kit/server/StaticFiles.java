package io.vertebra.kit.server;

import io.vertebra.kit.web.StaticCaching;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Serves the host page, the compiled client and other static files, from war/ in development or the jar. */
final class StaticFiles {

  private StaticFiles() {}

  /** Where the web app lives: an explicit folder, else the jar's {@code webapp/}, else {@code ./war}. */
  static Resource locate(ServletContextHandler context, Path webDir) {
    ResourceFactory factory = ResourceFactory.of(context);
    if (webDir != null) {
      return factory.newResource(webDir);
    }
    Resource bundled = factory.newClassLoaderResource("webapp/index.html", false);
    if (bundled != null && bundled.exists()) {
      return factory.newClassLoaderResource("webapp/", false);
    }
    Path war = Path.of("war");
    if (Files.isDirectory(war)) {
      return factory.newResource(war);
    }
    throw new IllegalStateException("No web app found: build with 'mvn package' or set WEB_DIR");
  }

  static void install(ServletContextHandler context, Path webDir) {
    context.setBaseResource(locate(context, webDir));
    ServletHolder holder = new ServletHolder("static", ReadOnlyFiles.class);
    holder.setInitParameter("dirAllowed", "false");
    holder.setInitParameter("etags", "true");
    holder.setInitParameter("precompressed", "false");
    context.addServlet(holder, "/");
  }

  /**
   * The default servlet for GET/HEAD/OPTIONS only: any other method (PATCH, PROPFIND, made-up ones) is a 405 with
   * {@code Allow}, where the servlet API's default would answer 501 as if the server had failed. Answers
   * carry {@link StaticCaching}'s {@code Cache-Control}.
   */
  public static final class ReadOnlyFiles extends DefaultServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      switch (request.getMethod()) {
        case "GET", "HEAD" -> {
          response.setHeader("Cache-Control", StaticCaching.cacheControl(request.getRequestURI()));
          super.service(request, response);
        }
        case "OPTIONS" -> super.service(request, response);
        default -> {
          response.setHeader("Allow", "GET, HEAD, OPTIONS");
          response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
              "Static files are read-only; use GET, HEAD or OPTIONS");
        }
      }
    }
  }
}
