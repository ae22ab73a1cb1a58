package io.vertebra.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.JsonProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a JSON object request body, refusing what is not one: wrong media type (415), more than the configured
 * number of bytes (413, checked while reading, so a lying or absent Content-Length cannot get around it),
 * malformed JSON, duplicate keys or trailing content (400), and anything but an object (400).
 */
public final class JsonBodies {

  private final ObjectReader reader;
  private final int maxBytes;

  public JsonBodies(ObjectMapper mapper, int maxBytes) {
    this.reader = mapper.reader()
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.maxBytes = maxBytes;
  }

  /** The largest body accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The request body as a JSON object. */
  public ObjectNode readObject(HttpServletRequest request) throws IOException {
    requireJsonMediaType(request.getContentType());
    byte[] bytes = readLimited(request);
    if (bytes.length == 0) {
      throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCodes.MALFORMED_JSON,
          "The request body is empty; send a JSON object", null, null);
    }
    JsonNode node;
    try {
      node = reader.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCodes.MALFORMED_JSON,
          "The request body is not valid JSON: " + describe(e), null, null);
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.invalid(null, "The request body must be a JSON object, not " + node.getNodeType()
          .toString().toLowerCase(Locale.ROOT));
    }
    return object;
  }

  /** What is wrong with the JSON, without the parser's internals ({@link JsonProblems}). */
  static String describe(JsonProcessingException e) {
    return JsonProblems.describe(e);
  }

  /** Accepts {@code application/json} and {@code application/*+json}, in UTF-8 (the only charset JSON allows). */
  static void requireJsonMediaType(String contentType) {
    if (contentType == null) {
      throw unsupported("The request has no Content-Type; send application/json");
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
      throw unsupported("Content-Type " + parts[0].trim() + " is not supported; send application/json");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].trim().split("=", 2);
      if (param[0].trim().equalsIgnoreCase("charset") && param.length == 2
          && !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
        throw unsupported("Charset " + param[1].trim() + " is not supported; send UTF-8");
      }
    }
  }

  private byte[] readLimited(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    // Not closed here: on a 413 the rest of the body is drained (RefusedBodies) so the client sees the answer.
    InputStream in = request.getInputStream();
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > maxBytes) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private ApiException tooLarge() {
    return new ApiException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + maxBytes + " bytes", null, null);
  }

  private static ApiException unsupported(String message) {
    return new ApiException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
        message, null, null);
  }
}
