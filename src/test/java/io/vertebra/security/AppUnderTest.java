package io.vertebra.security;

import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole app (REST API, auth endpoints, embedded channels server, static files) on a free loopback port with a
 * throw-away DATA_DIR, with its log captured from before it starts, and the secrets no client may ever see.
 */
final class AppUnderTest implements AutoCloseable {

  final LogCapture log;
  final AppServer server;
  final Path dataDir;
  final Leaks leaks;

  AppUnderTest() throws Exception {
    this(Map.of());
  }

  AppUnderTest(Map<String, String> env) throws Exception {
    log = new LogCapture();
    dataDir = Files.createTempDirectory("vertebra-security");
    server = TestServers.serve(dataDir, env);
    leaks = new Leaks(secrets());
  }

  String baseUrl() {
    return server.baseUrl();
  }

  int port() {
    return server.port();
  }

  String key() {
    return server.realtime().key();
  }

  String appId() {
    return server.realtime().appId();
  }

  String channelsSecret() {
    return server.realtime().secret();
  }

  /** A browser-like client signed in as {@code name}. */
  ApiClient signedIn(String name) {
    ApiClient client = new ApiClient(baseUrl());
    client.signIn(name);
    return client;
  }

  /** The channels secret and the session key, in the forms they could leak in (hex, base64, base64url). */
  private List<String> secrets() throws Exception {
    String sessionHex = Files.readString(dataDir.resolve("session.key")).trim();
    byte[] sessionKey = HexFormat.of().parseHex(sessionHex);
    return List.of(channelsSecret(), sessionHex, Base64.getEncoder().withoutPadding().encodeToString(sessionKey),
        Base64.getUrlEncoder().withoutPadding().encodeToString(sessionKey));
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      log.close();
    }
  }
}
