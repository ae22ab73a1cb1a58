package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.protocol.Frames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in one presence channel. A user may be connected several times: {@code member_added} is due only for the
 * first connection and {@code member_removed} only when the last one leaves. Guarded by its own monitor, one per
 * channel, so presence changes in one channel never wait for another.
 */
public final class PresenceRoster {

  private final Map<String, PresenceMember> members = new LinkedHashMap<>();
  private final Map<String, Integer> connectionsPerUser = new HashMap<>();
  private final Map<String, String> userBySocket = new HashMap<>();

  /** Whether {@code userId} is already a member (a further connection does not count against the member limit). */
  public synchronized boolean contains(String userId) {
    return members.containsKey(userId);
  }

  /** The number of distinct users. */
  public synchronized int size() {
    return members.size();
  }

  /** Adds a connection of {@code member}; true when it is the user's first one (announce it). */
  public synchronized boolean join(String socketId, PresenceMember member) {
    if (userBySocket.containsKey(socketId)) {
      return false;
    }
    userBySocket.put(socketId, member.userId());
    int count = connectionsPerUser.merge(member.userId(), 1, Integer::sum);
    if (count == 1) {
      members.put(member.userId(), member);
      return true;
    }
    return false;
  }

  /** Removes a connection; returns the user id when it was the user's last one (announce it), else null. */
  public synchronized String leave(String socketId) {
    String userId = userBySocket.remove(socketId);
    if (userId == null) {
      return null;
    }
    int left = connectionsPerUser.merge(userId, -1, Integer::sum);
    if (left > 0) {
      return null;
    }
    connectionsPerUser.remove(userId);
    members.remove(userId);
    return userId;
  }

  /** The user id of the connection {@code socketId}, or null when it is not a member. */
  public synchronized String userOf(String socketId) {
    return userBySocket.get(socketId);
  }

  /** The member {@code userId}, or null when not a member. */
  public synchronized PresenceMember member(String userId) {
    return members.get(userId);
  }

  /** The members, in joining order. */
  public synchronized List<PresenceMember> members() {
    return List.copyOf(members.values());
  }

  /** The user ids, in joining order. */
  public synchronized List<String> userIds() {
    return List.copyOf(members.keySet());
  }

  /** The {@code presence} block of {@code subscription_succeeded}: {@code {ids, hash, count}}. */
  public synchronized ObjectNode snapshot() {
    ObjectNode presence = Frames.JSON.createObjectNode();
    var ids = presence.putArray("ids");
    ObjectNode hash = presence.putObject("hash");
    members.values().forEach(m -> {
      ids.add(m.userId());
      hash.set(m.userId(), m.userInfo() == null ? Frames.JSON.nullNode() : m.userInfo());
    });
    presence.put("count", members.size());
    return presence;
  }
}
