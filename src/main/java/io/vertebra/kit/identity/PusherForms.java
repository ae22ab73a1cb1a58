package io.vertebra.kit.identity;

import io.vertebra.kit.realtime.SocketIds;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the two pusher-js auth endpoints share: the form they receive, the session check, the raw JSON answer. */
final class PusherForms {

  static final int MAX_FORM_BYTES = IdentityEndpoints.MAX_FORM_BYTES;

  private PusherForms() {}

  /** The session's user; pusher-js expects 403 (not 401) when authorization is refused. */
  static User signedIn(Sessions sessions, HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new ApiException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
          "Send application/x-www-form-urlencoded (socket_id, channel_name), as pusher-js does", null, null);
    }
    if (request.getContentLengthLong() > MAX_FORM_BYTES) {
      throw new ApiException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
          "The form is larger than " + MAX_FORM_BYTES + " bytes", null, null);
    }
    return sessions.current(request).orElseThrow(() -> ApiException.forbidden("Sign in first"));
  }

  /** The form's socket_id, which must look like a Pusher socket id. */
  static String socketId(HttpServletRequest request) {
    String socketId = request.getParameter("socket_id");
    if (!SocketIds.isValid(socketId)) {
      throw ApiException.invalid("socket_id", "socket_id must look like 1234.5678");
    }
    return socketId;
  }

  /** Answers 200 with JSON that is already serialised (pusher-http-java returns its auth answer as a string). */
  static void writeRawJson(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
