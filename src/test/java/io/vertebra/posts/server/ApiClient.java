package io.vertebra.posts.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A browser-like HTTP client for the REST API in tests: keeps its own cookies (so one client = one user). */
public final class ApiClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;

  public ApiClient(String baseUrl) {
    this(baseUrl, null);
  }

  /** A client of an {@code https} {@code baseUrl} whose certificate {@code tls} trusts (null: the JDK's default). */
  public ApiClient(String baseUrl, javax.net.ssl.SSLContext tls) {
    this.baseUrl = baseUrl;
    HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5));
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
  }

  /** An answer: status, headers and the body parsed as JSON (MissingNode when empty or not JSON). */
  public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  /** Signs in under {@code name}; the cookie is kept for later requests. */
  public JsonNode signIn(String name) {
    Reply reply = send("POST", "/api/session", "{\"name\":" + quote(name) + "}");
    if (reply.status() != 200) {
      throw new AssertionError("sign-in failed: " + reply);
    }
    return reply.json();
  }

  /** A request with a JSON body (or none when {@code json} is null) and extra headers as name/value pairs. */
  public Reply send(String method, String path, String json, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (json != null && !typed) {
      builder.header("Content-Type", "application/json");
    }
    builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return exchange(builder.build());
  }

  /** A form POST, as pusher-js sends to the auth endpoints. */
  public Reply postForm(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  /** Creates a post (must succeed) and returns it. */
  public JsonNode create(String title, String body) {
    Reply reply = send("POST", "/api/posts", "{\"title\":" + quote(title) + ",\"body\":" + quote(body) + "}");
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply);
    }
    return reply.json();
  }

  private Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = response.body().isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(response.body());
      } catch (IOException e) {
        json = MissingNode.getInstance();
      }
      return new Reply(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON string literal. */
  public static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
