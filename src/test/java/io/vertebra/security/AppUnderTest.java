package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pusher.rest.Pusher;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.LogCapture;
import io.vertebra.testing.TestApp;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole app (REST API, auth endpoints, embedded channels server, static files) on a free loopback port with a
 * throw-away DATA_DIR, with its log captured from before it starts, and the secrets no client may ever see. A
 * JUnit 5 extension shared by the tests of a class:
 * {@code @RegisterExtension static final AppUnderTest APP = new AppUnderTest();}
 */
final class AppUnderTest implements BeforeAllCallback, AfterAllCallback {

  private final TestApp app = TestApp.serve();
  private LogCapture log;
  private Leaks leaks;
  private Pusher rest;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    log = new LogCapture();
    try {
      app.start();
      leaks = new Leaks(secrets());
      rest = app.newRestClient();
    } catch (Exception | Error e) {
      afterAll(context);
      throw e;
    }
  }

  /** What the server logged since it started or since {@link LogCapture#clear()}. */
  LogCapture log() {
    return log;
  }

  /** Checks answers and text for the app's secrets and internals. */
  Leaks leaks() {
    return leaks;
  }

  String baseUrl() {
    return app.baseUrl();
  }

  int port() {
    return app.server().port();
  }

  String key() {
    return app.server().realtime().key();
  }

  String appId() {
    return app.server().realtime().appId();
  }

  String channelsSecret() {
    return app.server().realtime().secret();
  }

  /** A pusher-http-java client of the embedded channels server (made before the tests run), closed with the app. */
  Pusher rest() {
    return rest;
  }

  /** A browser-like client signed in as {@code name}. */
  ApiClient signedIn(String name) {
    ApiClient client = new ApiClient(baseUrl());
    client.signIn(name);
    return client;
  }

  /** Fails when the log since the last clear holds an ERROR or a stack trace ({@code what} caused), or a secret. */
  void assertQuietLog(String what) {
    assertEquals("", log.noise(), what + " are not logged as errors with stack traces");
    assertEquals(List.of(), leaks.secretsIn(log.text()), "no secret in the log");
  }

  /** The channels secret and the session key, in the forms they could leak in (hex, base64, base64url). */
  private List<String> secrets() throws Exception {
    String sessionHex = Files.readString(app.dataDir().resolve("session.key")).trim();
    byte[] sessionKey = HexFormat.of().parseHex(sessionHex);
    return List.of(channelsSecret(), sessionHex, Base64.getEncoder().withoutPadding().encodeToString(sessionKey),
        Base64.getUrlEncoder().withoutPadding().encodeToString(sessionKey));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try (LogCapture capture = log; TestApp running = app; Pusher client = rest) {
      // Closed in reverse order (client, app, log capture), each even when an earlier one fails; nulls skipped.
    }
  }
}
