package io.vertebra.server;

import io.vertebra.channels.apps.AppsConfigException;
import io.vertebra.channels.cluster.NodeIdInUseException;
import io.vertebra.kit.config.Config;
import io.vertebra.starter.NewCommand;
import java.nio.file.Path;

/**
 * Command line entry: {@code java -jar vertebra.jar [serve|channels|new DIR --package P]}. A channels server
 * started with no JVM options sizes its own JVM ({@link JvmLauncher}); {@code new} writes a new project
 * ({@link NewCommand}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "serve" : args[0];
    AppServer.Mode mode;
    switch (command) {
      case "serve" -> mode = AppServer.Mode.SERVE;
      case "channels" -> {
        Path jar = JvmLauncher.bareJar();
        if (jar != null) {
          System.exit(JvmLauncher.relaunch(jar, args));
          return;
        }
        mode = AppServer.Mode.CHANNELS;
      }
      case "new" -> {
        System.exit(NewCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        return;
      }
      case "help", "--help", "-h" -> {
        usage();
        return;
      }
      default -> {
        System.err.println("Unknown command '" + command + "'.");
        usage();
        System.exit(2);
        return;
      }
    }
    LauncherWatch.startIfLaunched();
    Config config;
    int warmUp;
    try {
      config = Config.fromEnvironment();
      warmUp = mode == AppServer.Mode.CHANNELS ? WarmUp.connections(System.getenv()) : 0;
    } catch (Config.ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (warmUp > 0) {
      // Before the real server binds its port, so no client meets the cold JVM (they retry, as during any restart).
      System.out.println("Warm-up: " + warmUp + " loopback connections and " + warmUp * WarmUp.EVENTS_PER_CONNECTION
          + " events through a throwaway server on an ephemeral port, before listening (" + WarmUp.VARIABLE
          + "=0 turns this off)");
      System.out.println("Warm-up: " + WarmUp.run(warmUp, WarmUp.BUDGET_MS).describe());
    }
    AppServer server;
    try {
      server = AppServer.start(config, mode);
    } catch (NodeIdInUseException | AppsConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Signals first: once the banner says "listening", a stop is graceful.
    server.kit().stopOnSignals().announce("Vertebra " + command);
    if (config.tls() != null || config.trustedProxies().enabled()) {
      System.out.println("Edge: TLS " + (config.tls() == null ? "off" : "on (" + config.tls().subject() + ")")
          + "; forwarding headers believed from " + config.trustedProxies().describe());
    }
    if (server.channels() != null && server.channels().apps().all().size() > 1) {
      System.out.println("Channels apps: " + server.channels().apps().describe());
    }
    if (server.channels() != null && config.channels().cluster() != null) {
      System.out.println("Channels cluster: " + config.channels().cluster().describe());
    }
    server.join();
  }

  private static void usage() {
    System.err.println("usage: java -jar vertebra.jar [serve|channels|new DIR --package P]");
    System.err.println("  serve     web app, REST API and embedded channels server (default)");
    System.err.println("  channels  only the Pusher-compatible channels server");
    NewCommand.usage(System.err);
  }
}
