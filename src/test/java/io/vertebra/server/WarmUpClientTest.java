package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's HTTP API client ({@link WarmUpClient.Api}) against a loopback socket that answers as an HTTP/1.1
 * server may: it keeps one connection for many triggers whatever framing the responses use, and reports a refusal.
 */
class WarmUpClientTest {

  @Test
  @DisplayName("one kept-alive connection carries triggers answered with a Content-Length or chunked")
  void keepsOneConnectionWhateverTheFraming() throws Exception {
    List<String> answers = List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> requests = CompletableFuture.supplyAsync(() -> serve(server, answers));
      try (WarmUpClient.Api api = client(server).api()) {
        for (int i = 0; i < answers.size(); i++) {
          api.trigger("warm-up-0", "warm-up", "{\"n\":" + i + "}");
        }
      }
      List<String> seen = requests.get();
      assertEquals(3, seen.size(), "all three on the one connection the server accepted");
      assertTrue(seen.get(0).startsWith("POST /apps/warm-up/events?body_md5="), seen.get(0));
      assertTrue(seen.get(0).contains("&auth_signature=") && seen.get(0).contains("&auth_key=key"), seen.get(0));
    }
  }

  @Test
  @DisplayName("a refused trigger is an IOException naming the status")
  void refusalIsReported() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture.supplyAsync(() -> serve(server, List.of(
          "HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}")));
      try (WarmUpClient.Api api = client(server).api()) {
        IOException e = assertThrows(IOException.class, () -> api.trigger("c", "e", "{}"));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
      }
    }
  }

  private static WarmUpClient client(ServerSocket server) {
    return new WarmUpClient(server.getLocalPort(), "warm-up", "key", "secret-of-sixteen-chars");
  }

  // Accepts one connection and answers its requests in order; returns their request lines.
  private static List<String> serve(ServerSocket server, List<String> answers) {
    List<String> requestLines = new ArrayList<>();
    try (Socket socket = server.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      for (String answer : answers) {
        requestLines.add(in.readLine());
        int length = 0;
        for (String line; !(line = in.readLine()).isEmpty(); ) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        in.skip(length);
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return requestLines;
  }
}
