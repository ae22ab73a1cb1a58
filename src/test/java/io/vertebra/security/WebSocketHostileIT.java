package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated hostile WebSocket traffic ({@link WebSocketCases}) against {@code /app/{key}}: every answer is a
 * protocol frame, every {@code pusher:error} carries a documented code (or none, for a generic refusal), every
 * close uses a documented code, a connection that was not closed still answers {@code pusher:ping}, a bystander
 * connection keeps receiving events throughout, and the server logs no ERROR or stack trace.
 */
class WebSocketHostileIT {

  /** Pusher's documented codes this server uses. */
  private static final Set<Integer> PUSHER_CODES = Set.of(ErrorCode.APP_NOT_FOUND, ErrorCode.OVER_CONNECTION_QUOTA,
      ErrorCode.PATH_NOT_FOUND, ErrorCode.INVALID_VERSION_FORMAT, ErrorCode.UNSUPPORTED_PROTOCOL,
      ErrorCode.NO_PROTOCOL_VERSION, ErrorCode.UNAUTHORIZED, ErrorCode.OVER_CAPACITY, ErrorCode.RECONNECT,
      ErrorCode.PONG_NOT_RECEIVED, ErrorCode.CLOSED_AFTER_INACTIVITY, ErrorCode.CLIENT_EVENT_RATE_LIMIT);
  /** WebSocket close codes for frames the protocol layer refuses (RFC 6455): unsupported data, too big. */
  private static final Set<Integer> WEBSOCKET_CODES = Set.of(1000, 1003, 1007, 1009);

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  @Test
  void generatedHostileFramesGetDocumentedErrorsAndNobodyElseNotices() throws Exception {
    HostileRun run = new HostileRun("websocket", 700);
    WebSocketCases cases = new WebSocketCases(APP.appId(), APP.key(), APP.channelsSecret());
    APP.log().clear();
    try (RawSocket bystander = RawSocket.open(APP.port(), "/app/" + APP.key() + "?protocol=7")) {
      bystander.socketId();
      bystander.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"bystander\"}}");
      assertNotNull(bystander.next("pusher_internal:subscription_succeeded", 5000));
      RawSocket socket = null;
      String socketId = null;
      for (int i = 0; run.more(i); i++) {
        if (socket == null || run.random.nextInt(25) == 0) {
          if (socket != null) {
            socket.close();
          }
          String path = cases.path(run.random);
          socket = null;
          String[] outcome = new String[1];
          socket = connect(path, outcome);
          if (socket == null) {
            run.count(outcome[0]);
            check(outcome[0], run, i, path);
            continue;
          }
          socketId = socket.socketId();
        }
        List<WebSocketCases.Frame> frames = cases.frames(run.random, socketId);
        String outcome = exchange(socket, frames, "probe-" + i);
        if (outcome.startsWith("close aborted") && frames.stream().noneMatch(WebSocketHostileIT::oversize)) {
          outcome = "close UNEXPECTED-ABORT " + abortCause(socket);
        }
        run.count(outcome.replaceAll(" .*", "") + (outcome.startsWith("close") || outcome.startsWith("error")
            ? " " + outcome.split(" ")[1] : ""));
        check(outcome, run, i, frames.stream().map(WebSocketCases.Frame::describe).toList().toString());
        if (outcome.startsWith("close") || outcome.startsWith("NO-PONG")) {
          socket.close();
          socket = null;
        }
        if (i % 100 == 99) {
          bystanderStillServed(bystander, i);
        }
      }
      if (socket != null) {
        socket.close();
      }
      bystanderStillServed(bystander, -1);
    }
    run.finish();
    APP.assertQuietLog("hostile frames");
  }

  /** Opens a connection; null (with the outcome) when the server refused it. */
  private static RawSocket connect(String path, String[] outcome) throws Exception {
    RawSocket socket;
    try {
      socket = RawSocket.open(APP.port(), path);
    } catch (CompletionException e) {
      outcome[0] = "handshake-refused";
      return null;
    }
    JsonNode first = socket.next(5000);
    if (first != null && "pusher:connection_established".equals(first.path("event").asText())) {
      socket.frames.addFirst(first);
      return socket;
    }
    String code = first == null ? "none" : first.path("data").path("code").asText("null");
    outcome[0] = "refused " + code + " close " + closeCode(socket);
    socket.close();
    return null;
  }

  /**
   * Sends the frames, then a ping and a subscription to the unique channel {@code probe}; what came back until the
   * probe's answer (or the close). The server answers in order, so the probe's answer ends this exchange exactly: a
   * pong alone cannot, since a frame of the case may itself be a ping that got its pong before a later frame closed
   * the connection.
   */
  private static String exchange(RawSocket socket, List<WebSocketCases.Frame> frames, String probe) throws Exception {
    StringBuilder seen = new StringBuilder();
    try {
      for (WebSocketCases.Frame frame : frames) {
        if (frame.binary() != null) {
          socket.sendBinary(frame.binary());
        } else {
          socket.send(frame.text());
        }
      }
      socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + probe + "\"}}");
    } catch (CompletionException | IllegalStateException e) {
      // closed by the server while sending: the close code says why
    }
    boolean ponged = false;
    long end = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < end) {
      JsonNode frame = socket.next(50);
      if (frame != null) {
        String event = frame.path("event").asText();
        if (event.equals("pusher:pong")) {
          ponged = true;
        } else if (event.equals("pusher_internal:subscription_succeeded")
            && probe.equals(frame.path("channel").asText())) {
          unsubscribe(socket, probe);
          String answers = seen.length() == 0 ? "ok" : seen.toString().trim();
          return ponged ? answers : "NO-PONG " + answers;
        } else if (event.equals("pusher:error")) {
          JsonNode code = frame.path("data").path("code");
          seen.insert(0, "error " + (code.isInt() ? code.asInt() : code.isNull() || code.isMissingNode() ? "null"
              : "BAD:" + code) + " ");
        }
      } else if (socket.closeCode.isCompletedExceptionally()) {
        return "close aborted " + seen; // the server closed while an oversize frame was still being written
      } else if (socket.closeCode.isDone()) {
        return "close " + closeCode(socket) + " " + seen;
      }
    }
    return "NO-PONG " + seen;
  }

  /** Leaves the probe channel, so probes never add up to the server's subscription limit. */
  private static void unsubscribe(RawSocket socket, String probe) {
    try {
      socket.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + probe + "\"}}");
    } catch (CompletionException | IllegalStateException e) {
      // closed meanwhile: the next exchange sees the close
    }
  }

  /** A frame beyond the server's WebSocket message limit (64 KB): the server may close mid-write. */
  private static boolean oversize(WebSocketCases.Frame frame) {
    return frame.text() != null && frame.text().length() > 64 * 1024;
  }

  private static String abortCause(RawSocket socket) {
    try {
      socket.closeCode.getNow(0);
      return "";
    } catch (CompletionException e) {
      return String.valueOf(e.getCause()).replace(' ', '_');
    }
  }

  private static String closeCode(RawSocket socket) {
    try {
      return Integer.toString(socket.closeCode.get(5, TimeUnit.SECONDS));
    } catch (Exception e) {
      return "FAILED:" + e.getCause();
    }
  }

  /** Records a failure when {@code outcome} names an undocumented code or no answer; true when it failed. */
  private static boolean check(String outcome, HostileRun run, int i, String what) {
    List<String> bad = new ArrayList<>();
    String[] words = outcome.split(" ");
    for (int w = 0; w + 1 < words.length; w++) {
      String value = words[w + 1];
      switch (words[w]) {
        case "error", "refused" -> {
          if (!value.equals("null") && !(value.matches("\\d+") && PUSHER_CODES.contains(Integer.parseInt(value)))) {
            bad.add("undocumented pusher:error code " + value);
          }
        }
        case "close" -> {
          if (value.equals("aborted")) {
            break;
          }
          if (!value.matches("\\d+") || !(PUSHER_CODES.contains(Integer.parseInt(value))
              || WEBSOCKET_CODES.contains(Integer.parseInt(value)))) {
            bad.add("undocumented close " + value);
          }
        }
        default -> { }
      }
    }
    if (outcome.startsWith("NO-PONG")) {
      bad.add("the connection stopped answering");
    }
    if (!bad.isEmpty()) {
      run.bad(i, bad + " after " + what + " -> " + outcome);
    }
    return !bad.isEmpty();
  }

  private static void bystanderStillServed(RawSocket bystander, int i) throws Exception {
    APP.rest().trigger("bystander", "still-there", Map.of("case", i));
    assertNotNull(bystander.next("still-there", 5000), "the bystander keeps receiving (case " + i + ")");
  }
}
