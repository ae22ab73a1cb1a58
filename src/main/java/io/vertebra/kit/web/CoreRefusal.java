package io.vertebra.kit.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A refusal answered by a core handler, before any servlet: the JSON error contract, and the connection closed
 * after the answer, because the request's body (if any) is left unread and must not be mistaken for the next
 * request on a kept-alive connection.
 */
final class CoreRefusal {

  private CoreRefusal() {}

  static void send(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(JsonErrorHandler.body(status, message).getBytes(StandardCharsets.UTF_8)),
        callback);
  }
}
