package io.vertebra.channels.connection;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.IncomingFrame;
import io.vertebra.channels.protocol.ProtocolException;

/**
 * {@code pusher:signin}: checks {@code auth = KEY:HMAC(socket_id::user::user_data)} and that user_data names an
 * {@code id}, then answers {@code pusher:signin_success}. The signed-in id gates {@code #server-to-user-{id}} and
 * is what terminate_connections acts on.
 */
final class SigninHandler {

  private final ChannelsApp app;

  SigninHandler(ChannelsApp app) {
    this.app = app;
  }

  void signIn(Connection connection, IncomingFrame frame) throws ProtocolException {
    String userData = frame.dataText("user_data");
    String auth = frame.dataText("auth");
    if (userData == null || auth == null) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, "pusher:signin needs auth and user_data");
    }
    if (!app.socketAuth().verifyUser(connection.socketId(), userData, auth)) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Invalid signature for pusher:signin: expected HMAC "
          + "SHA256 hex digest of " + connection.socketId() + "::user::<user_data>");
    }
    String id = userId(userData);
    if (id == null || id.length() > app.limits().maxUserIdLength()) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, "user_data must be a JSON object with an id of 1 to "
          + app.limits().maxUserIdLength() + " characters");
    }
    connection.signIn(id);
    connection.send(Frames.signinSuccess(userData));
  }

  private static String userId(String userData) {
    try {
      JsonNode id = Frames.JSON.readTree(userData).get("id");
      return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
