package io.vertebra.channels;

import com.pusher.rest.Pusher;
import io.vertebra.kit.config.Config;
import io.vertebra.server.AppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server in CHANNELS mode on a free loopback port with a throw-away DATA_DIR, plus a pusher-http-java
 * client pointed at it. {@link #restart()} stops it and starts it again on the same port and credentials.
 */
public final class ChannelsTestServer implements AutoCloseable {

  private final Map<String, String> env = new HashMap<>();
  private final Path dataDir;
  private AppServer server;
  private Pusher rest;

  /** Starts a server; {@code extraEnv} may set CHANNELS_* limits. */
  public ChannelsTestServer(Map<String, String> extraEnv) throws Exception {
    dataDir = Files.createTempDirectory("vertebra-channels-it");
    env.putAll(extraEnv);
    env.put("PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    start();
  }

  public ChannelsTestServer() throws Exception {
    this(Map.of());
  }

  private void start() throws Exception {
    server = AppServer.start(Config.from(env), AppServer.Mode.CHANNELS);
    env.put("PORT", Integer.toString(server.port()));
    rest = new Pusher(appId(), key(), secret());
    rest.setHost("127.0.0.1:" + server.port());
    rest.setRequestTimeout(30_000); // not 4 s: a loaded machine answers later (see TestApp)
  }

  /** Stops the server (clients are told to reconnect) and starts it again on the same port. */
  public void restart() throws Exception {
    rest.close();
    server.close();
    start();
  }

  public Pusher rest() {
    return rest;
  }

  public int port() {
    return server.port();
  }

  public String appId() {
    return server.realtime().appId();
  }

  public String key() {
    return server.realtime().key();
  }

  public String secret() {
    return server.realtime().secret();
  }

  public ChannelsStats stats() {
    return server.channels().stats();
  }

  /** The live state of the channels server (its cluster bus, registries). */
  public ChannelsApp app() {
    return server.channels().app();
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public void close() throws Exception {
    rest.close();
    server.close();
  }
}
