package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the browser downloads at first load goes gzipped to clients that accept it; API answers do not. */
class WebCompressionIT {

  @RegisterExtension
  static final TestApp APP = TestApp.serve();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  @DisplayName("scripts are gzipped on request, decode to the very same bytes, and stay plain otherwise")
  void scriptsAreGzipped() throws Exception {
    byte[] plain = get("/vendor/pusher.min.js", false).body();
    HttpResponse<byte[]> gzipped = get("/vendor/pusher.min.js", true);
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(gzipped.body().length < plain.length / 2, gzipped.body().length + " of " + plain.length);
    assertArrayEquals(plain, gunzip(gzipped.body()));
    assertTrue(get("/vendor/pusher.min.js", false).headers().firstValue("Content-Encoding").isEmpty());
  }

  @Test
  @DisplayName("API JSON is sent as it is, even to clients that accept gzip")
  void apiIsPlain() throws Exception {
    HttpResponse<byte[]> config = get("/api/config", true);
    assertEquals(200, config.statusCode());
    assertTrue(config.headers().firstValue("Content-Encoding").isEmpty());
  }

  private static HttpResponse<byte[]> get(String path, boolean acceptGzip) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.baseUrl() + path));
    if (acceptGzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
