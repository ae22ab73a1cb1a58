package io.vertebra.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.auth.ApiRequestAuthenticator;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.Hmac;
import io.vertebra.channels.protocol.Frames;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Raw HTTP API requests, signed correctly or deliberately wrong, for the cases pusher-http-java refuses to send. */
final class SignedHttp {

  /** A response: status, headers and parsed JSON body. */
  record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {}

  private final ChannelsTestServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  SignedHttp(ChannelsTestServer server) {
    this.server = server;
  }

  /** A correctly signed request; {@code body} null for GET. */
  Response send(String method, String path, String body) throws Exception {
    return send(method, path, body, signedQuery(method, path, body, System.currentTimeMillis() / 1000, Map.of()));
  }

  /** The signed query for a request, with {@code timestamp} and {@code extra} parameters. */
  Map<String, String> signedQuery(String method, String path, String body, long timestamp,
      Map<String, String> extra) {
    Map<String, String> q = new LinkedHashMap<>(extra);
    q.put("auth_key", server.key());
    q.put("auth_timestamp", Long.toString(timestamp));
    q.put("auth_version", "1.0");
    if (body != null) {
      q.put("body_md5", Hmac.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
    }
    var signer = new ApiRequestAuthenticator(new AppCredentials(server.appId(), server.key(), server.secret()),
        Clock.systemUTC());
    q.put("auth_signature", signer.sign(method, path, q));
    return q;
  }

  /** Sends with exactly the given query. */
  Response send(String method, String path, String body, Map<String, String> query) throws Exception {
    String qs = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path + "?" + qs))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), Frames.JSON.readTree(r.body()), r.headers());
  }
}
