package io.vertebra.server;

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
    ServletHolder holder = new ServletHolder("static", DefaultServlet.class);
    holder.setInitParameter("dirAllowed", "false");
    holder.setInitParameter("etags", "true");
    holder.setInitParameter("precompressed", "false");
    context.addServlet(holder, "/");
  }
}
