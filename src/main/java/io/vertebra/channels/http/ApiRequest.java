package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.auth.ApiQuery;
import io.vertebra.channels.protocol.Frames;
import java.io.IOException;


/**
 * One authenticated HTTP API request: the method, the path after {@code /apps/{id}} split into segments, the
 * canonical query (the one the signature was checked against) and the body.
 */
record ApiRequest(String method, String[] segments, ApiQuery query, byte[] body) {

  /** The body parsed as a JSON object. */
  JsonNode jsonBody() throws ApiException {
    JsonNode root;
    try {
      root = Frames.JSON.readTree(body);
    } catch (IOException e) { // Jackson's parse errors are IOExceptions; the bytes are already in memory
      throw ApiException.badRequest("The body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object");
    }
    return root;
  }
}
