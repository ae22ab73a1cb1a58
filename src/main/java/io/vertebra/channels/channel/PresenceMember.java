package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.JsonNode;

/** A user in a presence channel: the id and the optional user_info from the signed channel_data. */
public record PresenceMember(String userId, JsonNode userInfo) {}
