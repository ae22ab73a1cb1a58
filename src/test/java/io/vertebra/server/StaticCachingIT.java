package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.posts.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files say how long browsers may keep them: GWT's hashed files for good, the rest revalidated. */
class StaticCachingIT {

  @TempDir
  Path web;
  @TempDir
  Path data;

  @Test
  @DisplayName("*.cache.* files are immutable for a year; host page and nocache.js revalidate; 304 on a match")
  void cacheHeaders() throws Exception {
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
    Files.createDirectories(web.resolve("posts"));
    Files.writeString(web.resolve("posts/posts.nocache.js"), "var app = 1;");
    Files.writeString(web.resolve("posts/0123ABCD.cache.js"), "var permutation = 1;");
    HttpClient http = HttpClient.newHttpClient();
    try (AppServer server = TestServers.serve(data, Map.of("WEB_DIR", web.toString()))) {
      HttpResponse<String> script = get(http, server, "/posts/posts.nocache.js", null);
      assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("no-cache", get(http, server, "/", null).headers().firstValue("Cache-Control").orElse(""));
      assertEquals("public, max-age=31536000, immutable",
          get(http, server, "/posts/0123ABCD.cache.js", null).headers().firstValue("Cache-Control").orElse(""));
      String etag = script.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, get(http, server, "/posts/posts.nocache.js", etag).statusCode(), "revalidation is cheap");
    }
  }

  private static HttpResponse<String> get(HttpClient http, AppServer server, String path, String ifNoneMatch)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
