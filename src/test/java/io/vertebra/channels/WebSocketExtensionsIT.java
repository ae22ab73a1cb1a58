package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The channels endpoint accepts the upgrade browsers send, which always offers permessage-deflate, but does not
 * negotiate it: Pusher messages are small JSON that compresses poorly, and every compressing connection would hold
 * its own zlib deflate and inflate state (hundreds of KB of native memory) and pay a compression per frame.
 */
class WebSocketExtensionsIT {

  @Test
  @DisplayName("a browser's permessage-deflate offer is answered with a plain WebSocket")
  void doesNotNegotiateCompression() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /app/" + server.key() + "?protocol=7 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      List<String> head = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.add(line);
      }
      assertTrue(!head.isEmpty() && head.get(0).startsWith("HTTP/1.1 101"), "upgraded: " + head);
      assertFalse(head.stream().anyMatch(h -> h.toLowerCase().startsWith("sec-websocket-extensions")),
          "no extension negotiated: " + head);
    }
  }
}
