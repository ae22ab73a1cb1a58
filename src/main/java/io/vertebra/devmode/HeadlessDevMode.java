package io.vertebra.devmode;

import com.google.gwt.dev.DevMode;

/**
 * What {@code mvn gwt:devmode} runs: GWT's DevMode (the Super Dev Mode code server, plus Vertebra's own server
 * through {@link Jetty12Launcher}) without its Swing window, so the development loop is the same on a desktop and
 * on a machine with no display, with nothing extra to install. Its log goes to the console.
 *
 * <p>{@code src/dev/devmode-java.sh}, the JVM the Maven plugin starts, runs this class in place of
 * {@code com.google.gwt.dev.DevMode} (the plugin has no setting for the main class). GWT's own {@code main} exits
 * with status 0 when its start throws, and waits forever after a failed step when headless; here a failed start
 * ends with one line saying so and status 1, so Maven reports a failure instead of BUILD SUCCESS.
 */
public final class HeadlessDevMode extends DevMode {

  /** Printed when the server and the code server are up; tests and scripts wait for it. */
  static final String READY = "devmode: ready on ";

  private HeadlessDevMode() {}

  /** Takes DevMode's arguments. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    HeadlessDevMode devMode = new HeadlessDevMode();
    devMode.setHeadless(true);
    if (!new ArgProcessor(devMode.options).processArgs(args)) {
      System.exit(1); // the argument processor printed what is wrong
    }
    devMode.run(); // blocks while serving; returns when the start threw
    exitFailed();
  }

  // DevMode's run() waits for its window to close even after a failed step, which headless means forever: each step
  // of the start is checked here instead.

  @Override
  protected boolean doStartup() {
    return succeeded(super.doStartup());
  }

  @Override
  protected int doStartUpServer() {
    int port = super.doStartUpServer();
    succeeded(port >= 0);
    return port;
  }

  @Override
  protected boolean doSlowStartup() {
    succeeded(super.doSlowStartup());
    System.out.println(READY + "http://" + options.getConnectAddress() + ":" + options.getPort() + "/");
    return true;
  }

  private static boolean succeeded(boolean step) {
    if (!step) {
      exitFailed();
    }
    return true;
  }

  private static void exitFailed() {
    System.err.println("devmode: failed to start, nothing is served (the cause is logged above; -Ddevmode.port=N"
        + " and -Ddevmode.codeServerPort=N choose other ports)");
    System.exit(1);
  }
}
