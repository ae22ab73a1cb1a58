package io.vertebra.devmode;

import com.google.gwt.core.ext.ServletContainer;
import com.google.gwt.core.ext.ServletContainerLauncher;
import com.google.gwt.core.ext.TreeLogger;
import com.google.gwt.core.ext.UnableToCompleteException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets {@code mvn gwt:devmode} serve the app's own server (REST API, channels server, static files) instead of
 * GWT's built-in Jetty 9: DevMode is started with {@code -server io.vertebra.devmode.Jetty12Launcher}.
 *
 * <p>The server is started by the class the system property {@value #ENTRY_PROPERTY} names (Vertebra's own
 * {@code io.vertebra.server.DevModeEntry} by default; a project made by {@code vertebra new} names its own): a
 * {@code public static start(String host, int port, String warDir)} returning an {@link AutoCloseable} that has a
 * public {@code int port()} method. It ships in the {@code io.vertebra:vertebra-devmode} library
 * (docs/libraries.md).
 *
 * <p>DevMode's classpath holds Jetty 9, which cannot coexist with Jetty 12, so the real server is loaded in its own
 * class loader from {@code target/classes} plus the runtime classpath that the build writes to
 * {@code target/devmode-server.classpath}, with only the JDK as parent.
 */
public final class Jetty12Launcher extends ServletContainerLauncher {

  /** The system property naming the class that starts the app's server. */
  public static final String ENTRY_PROPERTY = "vertebra.devmode.entry";

  private String bindAddress = "127.0.0.1";

  @Override
  public String getName() {
    return "Vertebra (Jetty 12)";
  }

  @Override
  public void setBindAddress(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  @Override
  public ServletContainer start(TreeLogger logger, int port, File appRootDir) throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    if (!Files.isDirectory(target.resolve("classes"))) {
      // the plugin runs DevMode with target/ as working directory
      target = Path.of("").toAbsolutePath();
    }
    URLClassLoader loader = new URLClassLoader(serverClasspath(target), ClassLoader.getPlatformClassLoader());
    Class<?> entry = Class.forName(System.getProperty(ENTRY_PROPERTY, "io.vertebra.server.DevModeEntry"), true,
        loader);
    Method start = entry.getMethod("start", String.class, int.class, String.class);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    AutoCloseable server;
    try {
      server = (AutoCloseable) start.invoke(null, bindAddress, port, appRootDir.getAbsolutePath());
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e; // DevMode logs the server's own failure
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    int boundPort = (Integer) server.getClass().getMethod("port").invoke(server);
    logger.log(TreeLogger.Type.INFO, "Vertebra server on http://" + bindAddress + ":" + boundPort + "/");
    return new RunningServer(server, loader, boundPort);
  }

  private static URL[] serverClasspath(Path target) throws IOException {
    Path classpathFile = target.resolve("devmode-server.classpath");
    if (!Files.exists(classpathFile)) {
      throw new IOException(classpathFile + " is missing: run DevMode through 'mvn gwt:devmode'");
    }
    List<URL> urls = new ArrayList<>();
    urls.add(url(target.resolve("classes")));
    for (String entry : Files.readString(classpathFile).trim().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(url(Path.of(entry)));
      }
    }
    return urls.toArray(new URL[0]);
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  /** The Jetty 12 server seen through GWT's container API. */
  private static final class RunningServer extends ServletContainer {
    private final AutoCloseable server;
    private final URLClassLoader loader;
    private final int port;

    RunningServer(AutoCloseable server, URLClassLoader loader, int port) {
      this.server = server;
      this.loader = loader;
      this.port = port;
    }

    @Override
    public int getPort() {
      return port;
    }

    @Override
    public void refresh() {
      // Server code changes need a DevMode restart; client code is recompiled on page reload.
    }

    @Override
    public void stop() throws UnableToCompleteException {
      try {
        server.close();
        loader.close();
      } catch (Exception e) {
        throw new UnableToCompleteException();
      }
    }
  }
}
