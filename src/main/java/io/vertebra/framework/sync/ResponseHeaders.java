package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Map;

/** Reads the header block of {@code XMLHttpRequest.getAllResponseHeaders()}: "name: value" lines, CRLF-separated. */
final class ResponseHeaders {

  private ResponseHeaders() {
  }

  /** The headers in the order given; a name repeated keeps its last value; lines without a colon are skipped. */
  static Map<String, String> parse(String block) {
    Map<String, String> headers = new StringMap<>();
    int start = 0;
    while (start < block.length()) {
      int end = block.indexOf('\n', start);
      if (end < 0) {
        end = block.length();
      }
      String line = block.substring(start, end).trim();
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
      start = end + 1;
    }
    return headers;
  }
}
