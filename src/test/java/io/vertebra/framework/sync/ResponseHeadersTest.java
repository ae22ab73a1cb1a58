package io.vertebra.framework.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

  @Test
  @DisplayName("getAllResponseHeaders' CRLF lines become headers in order; values keep their inner colons")
  void readsTheHeaderBlock() {
    Map<String, String> headers = ResponseHeaders.parse(
        "content-type: application/json\r\netag: \"7\"\r\nx-url: http://a:8080/x\r\n");

    assertEquals(List.of("content-type", "etag", "x-url"), List.copyOf(headers.keySet()));
    assertEquals("application/json", headers.get("content-type"));
    assertEquals("\"7\"", headers.get("etag"));
    assertEquals("http://a:8080/x", headers.get("x-url"));
  }

  @Test
  @DisplayName("an empty block, blank lines and lines without a colon give no header; no final CRLF is fine")
  void skipsWhatIsNoHeader() {
    assertEquals(Map.of(), ResponseHeaders.parse(""));
    assertEquals(Map.of("a", "1"), ResponseHeaders.parse("\r\nnonsense\r\n: empty name\r\na: 1"));
  }

  @Test
  @DisplayName("a header the XHR reports twice keeps its last value, and HttpResponse finds it in any case")
  void lastValueWinsAndLookupIgnoresCase() {
    HttpResponse response = new HttpResponse(200, ResponseHeaders.parse("x-next-cursor: 1\r\nx-next-cursor: 2\r\n"),
        "");

    assertEquals("2", response.header("X-Next-Cursor"));
  }
}
