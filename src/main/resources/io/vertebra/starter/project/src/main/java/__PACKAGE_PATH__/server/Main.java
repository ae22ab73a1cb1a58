package __PACKAGE__.server;

import io.vertebra.kit.config.Config;

/** {@code java -jar target/__APP__.jar}: starts the app and prints the URL to open. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    Config config;
    try {
      config = Config.fromEnvironment();
    } catch (Config.ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    NotesServer.start(config).stopOnSignals().announce("__TITLE__").join();
  }
}
