package io.vertebra.channels.console;

import static io.vertebra.console.shared.ConsoleApi.AUTH_PATH;
import static io.vertebra.console.shared.ConsoleApi.PAGE_PATH;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.AppCredentials;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.util.resource.Resource;

/**
 * The realtime debug console at {@code /console} (docs/console.md): its page and compiled client, its JSON API, the
 * authorization of its feed channel and the {@link ConsoleFeed} observing the channels server. Everything under
 * {@code /console} is behind {@link ConsoleGuard} (loopback, or the app key and secret).
 */
public final class ConsoleBackend {

  /** How often pending log entries are published. */
  static final long FLUSH_MILLIS = 200;

  private ConsoleBackend() {}

  /**
   * Installs the console into {@code context}.
   *
   * @param credentials the app key and secret a remote console user must present
   * @param app the embedded channels server's state, or null when the app uses an external service (the console
   *     then explains that there is nothing to show)
   * @param webApp the web app folder holding {@code console/} (the compiled client) and {@code vendor/}
   *     (pusher-js), or null when none was built
   */
  public static void install(ServletContextHandler context, AppCredentials credentials, ChannelsApp app,
      Resource webApp) {
    context.addFilter(new FilterHolder(new ConsoleGuard(new ConsoleAccess(credentials))), PAGE_PATH,
        EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(new ConsoleGuard(new ConsoleAccess(credentials))), PAGE_PATH + "/*",
        EnumSet.of(DispatcherType.REQUEST));
    ServletHolder page = new ServletHolder("console-page", new ConsoleFileServlet("console.html", "text/html"));
    context.addServlet(page, PAGE_PATH);
    context.getServletHandler().addServletMapping(mapping(page, PAGE_PATH + "/"));
    context.addServlet(new ServletHolder("console-css", new ConsoleFileServlet("console.css", "text/css")),
        PAGE_PATH + "/console.css");
    context.addServlet(new ServletHolder("console-api", new ConsoleApiServlet(app)), PAGE_PATH + "/api/*");
    context.addServlet(new ServletHolder("console-auth", new ConsoleAuthServlet(app)), AUTH_PATH);
    if (webApp != null) {
      serveFolder(context, "console-client", webApp.resolve("console/"), PAGE_PATH + "/*");
      serveFolder(context, "console-vendor", webApp.resolve("vendor/"), PAGE_PATH + "/vendor/*");
    }
    if (app != null) {
      ConsoleFeed feed = new ConsoleFeed(app);
      app.observer().install(feed);
      app.scheduler().scheduleWithFixedDelay(feed::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private static ServletMapping mapping(ServletHolder holder, String path) {
    ServletMapping mapping = new ServletMapping();
    mapping.setServletName(holder.getName());
    mapping.setPathSpec(path);
    return mapping;
  }

  private static void serveFolder(ServletContextHandler context, String name, Resource folder, String mapping) {
    if (folder != null && folder.exists()) {
      context.addServlet(new ServletHolder(name, new ConsoleAssetServlet(folder)), mapping);
    }
  }
}
