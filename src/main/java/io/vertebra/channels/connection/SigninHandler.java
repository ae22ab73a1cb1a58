package io.vertebra.channels.connection;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.IncomingFrame;
import io.vertebra.channels.protocol.ProtocolException;
import io.vertebra.channels.user.Watchlists;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pusher:signin}: checks {@code auth = KEY:HMAC(socket_id::user::user_data)} and that user_data names an
 * {@code id}, then answers {@code pusher:signin_success}. The signed-in id gates {@code #server-to-user-{id}} and
 * is what terminate_connections acts on. With watchlist events on, a {@code watchlist} in user_data is checked
 * and handed to {@link Watchlists} after the success is sent.
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
    List<String> watchlist = app.watchlists().enabled() ? watchlist(userData) : List.of();
    connection.signIn(id);
    connection.send(Frames.signinSuccess(userData));
    app.watchlists().signedIn(connection, id, watchlist);
  }

  private static String userId(String userData) {
    JsonNode id = parse(userData).get("id");
    return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
  }

  /** The optional {@code watchlist}: an array of at most {@value Watchlists#MAX_WATCHLIST} user ids. */
  private List<String> watchlist(String userData) throws ProtocolException {
    JsonNode list = parse(userData).get("watchlist");
    if (list == null || list.isNull()) {
      return List.of();
    }
    int maxLength = app.limits().maxUserIdLength();
    String rule = "watchlist must be an array of at most " + Watchlists.MAX_WATCHLIST + " user ids of 1 to "
        + maxLength + " characters";
    if (!list.isArray() || list.size() > Watchlists.MAX_WATCHLIST) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, rule);
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : list) {
      if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > maxLength) {
        throw new ProtocolException(ErrorCode.UNAUTHORIZED, rule);
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static JsonNode parse(String userData) {
    try {
      return Frames.JSON.readTree(userData);
    } catch (JacksonException e) {
      return Frames.JSON.missingNode();
    }
  }
}
