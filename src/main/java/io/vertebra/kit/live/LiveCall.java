package io.vertebra.kit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One request to an app's own {@link LiveAction}, with the kit's tools: the body read and checked as the resource's
 * other endpoints do (413, 415, 400), the sender's validated socket id, the {@link LiveStore}, the record JSON, the
 * collection channel's events, and the answer.
 *
 * <pre>{@code
 * LiveAction clearDone = call -> {
 *   List<Long> ids = call.store().deleteWhere(Map.of("done", true));
 *   ObjectNode answer = call.mapper().createObjectNode();
 *   ids.forEach(answer.putArray("ids")::add);
 *   call.publish("note:destroy-many", answer, "{}");
 *   call.respond(200, answer);
 * };
 * }</pre>
 */
public interface LiveCall {

  HttpServletRequest request();

  /** The request body as a JSON object (read once; refused as the other endpoints refuse a bad body). */
  ObjectNode body() throws IOException;

  /** The sender's {@code X-Socket-Id} (validated), or null. */
  String socketId();

  /** The resource's records. */
  LiveStore store();

  /** The record as the REST API writes it. */
  ObjectNode json(LiveRecord record);

  ObjectMapper mapper();

  /**
   * Sends {@code event} with {@code data} on the collection's channel, not to the sender; {@code fallback} instead
   * when {@code data} is too large for one message (e.g. {@code "{}"}: clients then fetch).
   */
  void publish(String event, JsonNode data, String fallback);

  /** Answers {@code status} with {@code body} as JSON. */
  void respond(int status, JsonNode body) throws IOException;

  /** The response, for headers. */
  HttpServletResponse response();
}
