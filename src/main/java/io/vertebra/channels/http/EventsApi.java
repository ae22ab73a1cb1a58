package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.LocalDelivery;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.connection.SocketIds;
import io.vertebra.channels.protocol.Frames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /events} and {@code POST /batch_events}: validates every event first (so a batch is all or nothing),
 * then delivers each to this node's subscribers (through {@link LocalDelivery}, as events from other nodes) and
 * hands it to the cluster. Public so in-process tools (the debug console's event creator) trigger with exactly the API's rules.
 */
public final class EventsApi {

  /** One validated event to publish. */
  private record Trigger(List<String> channels, String name, String data, String socketId, InfoAttributes info) {}

  private final ChannelsApp app;
  private final LocalDelivery local;

  /** The events API of {@code app}. */
  public EventsApi(ChannelsApp app) {
    this.app = app;
    this.local = new LocalDelivery(app);
  }

  JsonNode trigger(ApiRequest request) throws ApiException {
    return trigger(request.jsonBody());
  }

  /**
   * Validates and publishes one {@code POST /events} body ({@code name}, {@code channel} or {@code channels},
   * {@code data}, optional {@code socket_id} and {@code info}); returns the API's response body.
   *
   * @throws ApiException (4xx) for anything the HTTP API would refuse
   */
  public JsonNode trigger(JsonNode body) throws ApiException {
    Trigger trigger = parse(body, true);
    publish(trigger);
    ObjectNode response = Frames.JSON.createObjectNode();
    if (!trigger.info().isEmpty()) {
      ObjectNode channels = response.putObject("channels");
      for (String name : trigger.channels()) {
        channels.set(name, trigger.info().of(name, app.directory().summary(name)));
      }
    }
    return response;
  }

  JsonNode batch(ApiRequest request) throws ApiException {
    JsonNode batch = request.jsonBody().get("batch");
    if (batch == null || !batch.isArray() || batch.isEmpty()) {
      throw ApiException.badRequest("'batch' must be a non-empty array of events");
    }
    if (batch.size() > app.limits().maxBatchSize()) {
      throw new ApiException(413, "batch_too_large", "A batch may hold at most " + app.limits().maxBatchSize()
          + " events, got " + batch.size());
    }
    List<Trigger> triggers = new ArrayList<>();
    for (JsonNode event : batch) {
      if (!event.isObject()) {
        throw ApiException.badRequest("Every batch entry must be an object");
      }
      triggers.add(parse(event, false));
    }
    triggers.forEach(this::publish);
    ObjectNode response = Frames.JSON.createObjectNode();
    if (triggers.stream().anyMatch(t -> !t.info().isEmpty())) {
      ArrayNode results = response.putArray("batch");
      for (Trigger t : triggers) {
        String channel = t.channels().get(0);
        results.add(t.info().of(channel, app.directory().summary(channel)));
      }
    }
    return response;
  }

  private Trigger parse(JsonNode body, boolean allowMany) throws ApiException {
    List<String> channels = channels(body, allowMany);
    String name = text(body, "name", true);
    String nameProblem = ChannelNames.eventProblem(name, app.limits().maxEventNameLength());
    if (nameProblem != null) {
      throw ApiException.badRequest(nameProblem);
    }
    String data = text(body, "data", true);
    int size = data.getBytes(StandardCharsets.UTF_8).length;
    if (size > app.limits().maxMessageBytes()) {
      throw new ApiException(413, "payload_too_large", "Event data is " + size + " bytes; the limit is "
          + app.limits().maxMessageBytes());
    }
    String socketId = text(body, "socket_id", false);
    if (socketId != null && !SocketIds.isValid(socketId)) {
      throw ApiException.badRequest("Invalid socket_id '" + socketId + "'");
    }
    InfoAttributes info = InfoAttributes.parse(text(body, "info", false));
    for (String channel : channels) {
      info.checkApplicable(channel);
    }
    return new Trigger(channels, name, data, socketId, info);
  }

  private List<String> channels(JsonNode body, boolean allowMany) throws ApiException {
    List<String> channels = new ArrayList<>();
    JsonNode many = body.get("channels");
    if (many != null && allowMany) {
      if (!many.isArray()) {
        throw ApiException.badRequest("'channels' must be an array of channel names");
      }
      for (JsonNode c : many) {
        if (!c.isTextual()) {
          throw ApiException.badRequest("'channels' must contain only strings");
        }
        channels.add(c.asText());
      }
    } else {
      String one = text(body, "channel", false);
      if (one != null) {
        channels.add(one);
      }
    }
    if (channels.isEmpty()) {
      throw ApiException.badRequest(allowMany ? "Give 'channels' (array) or 'channel'" : "Give 'channel'");
    }
    if (channels.size() > app.limits().maxChannelsPerTrigger()) {
      throw new ApiException(413, "too_many_channels", "At most " + app.limits().maxChannelsPerTrigger()
          + " channels per trigger, got " + channels.size());
    }
    for (String c : channels) {
      String problem = ChannelNames.problem(c, app.limits().maxChannelNameLength());
      if (problem != null) {
        throw ApiException.badRequest(problem);
      }
    }
    if (channels.size() > 1 && channels.stream().anyMatch(c -> ChannelType.of(c) == ChannelType.ENCRYPTED)) {
      throw ApiException.badRequest("Cannot trigger to multiple channels if any of them is encrypted");
    }
    return channels;
  }

  private void publish(Trigger trigger) {
    app.counters().published(trigger.channels().size());
    for (String name : trigger.channels()) {
      local.event(name, trigger.name(), trigger.data(), trigger.socketId());
      app.observer().get().eventTriggered(name, trigger.name(), trigger.data(), trigger.socketId());
    }
    app.cluster().eventTriggered(trigger.channels(), trigger.name(), trigger.data(), trigger.socketId());
  }

  private static String text(JsonNode body, String field, boolean required) throws ApiException {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiException.badRequest("'" + field + "' is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string");
    }
    return value.asText();
  }
}
