package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.LocalDelivery;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelSummary;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.protocol.Frames;

/**
 * The query endpoints ({@code GET /channels}, {@code /channels/{name}}, {@code /channels/{name}/users}) and
 * {@code POST /users/{id}/terminate_connections}.
 */
final class ChannelsApi {

  private final ChannelsApp app;

  private final LocalDelivery local;

  ChannelsApi(ChannelsApp app) {
    this.app = app;
    this.local = new LocalDelivery(app);
  }

  JsonNode list(ApiRequest request) throws ApiException {
    String prefix = request.query().get("filter_by_prefix");
    InfoAttributes info = InfoAttributes.parse(request.query().get("info"));
    if (info.wantsUserCount() && (prefix == null || !prefix.startsWith("presence-"))) {
      throw ApiException.badRequest("info=user_count requires filter_by_prefix=presence-");
    }
    ObjectNode response = Frames.JSON.createObjectNode();
    ObjectNode channels = response.putObject("channels");
    app.directory().occupied(prefix).forEach((name, summary) -> channels.set(name, info.of(name, summary)));
    return response;
  }

  JsonNode show(String name, ApiRequest request) throws ApiException {
    checkName(name);
    InfoAttributes info = InfoAttributes.parse(request.query().get("info"));
    info.checkApplicable(name);
    ChannelSummary summary = app.directory().summary(name);
    ObjectNode response = Frames.JSON.createObjectNode().put("occupied", summary != null);
    return info.write(name, summary, response);
  }

  JsonNode users(String name) throws ApiException {
    checkName(name);
    if (ChannelType.of(name) != ChannelType.PRESENCE) {
      throw ApiException.badRequest("Users are only available for presence channels");
    }
    ObjectNode response = Frames.JSON.createObjectNode();
    ArrayNode users = response.putArray("users");
    app.directory().userIds(name).forEach(id -> users.addObject().put("id", id));
    return response;
  }

  JsonNode terminate(String userId) {
    app.cluster().userTerminated(userId);
    local.terminate(userId);
    return Frames.JSON.createObjectNode();
  }

  private void checkName(String name) throws ApiException {
    String problem = ChannelNames.problem(name, app.limits().maxChannelNameLength());
    if (problem != null) {
      throw ApiException.badRequest(problem);
    }
  }
}
