package io.vertebra.kit.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Base of the operations endpoints: answers only GET and HEAD (anything else gets a JSON 405 with {@code Allow}) and
 * marks every answer {@code no-store}, because a cached health or metrics answer is a wrong one.
 */
abstract class ReadOnlyServlet extends HttpServlet {

  @Override
  protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      answer(response);
      return;
    }
    response.setHeader("Allow", "GET, HEAD");
    // An HTTP method is a token: no quote or backslash can break this JSON.
    send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "application/json",
        ("{\"error\":\"method_not_allowed\",\"message\":\"" + method + " is not supported here; use GET\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the answer to a GET (the container drops the body of a HEAD). */
  protected abstract void answer(HttpServletResponse response) throws IOException;

  /** Sends {@code body} with {@code status} and {@code contentType}. */
  protected static void send(HttpServletResponse response, int status, String contentType, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
