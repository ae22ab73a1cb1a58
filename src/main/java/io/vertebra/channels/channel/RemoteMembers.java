package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one presence channel that the cluster holds beyond this node's connections, exactly as this
 * node's subscribers of the channel were told about them (in their subscription snapshot, then by member_added and
 * member_removed). Together with the local {@link PresenceRoster} it is what every subscriber here believes, so
 * news is told only when it is news: a member announced again by another node (after Redis lost and regained it) is
 * not "added" twice, and a member that went while announcements were lost can still be removed. Users connected
 * here may be in it too (the cluster's answer includes them); they are never announced from it. Not thread-safe:
 * the channel guards it with its roster's lock.
 */
final class RemoteMembers {

  private final Map<String, JsonNode> members = new LinkedHashMap<>();

  /** Whether subscribers here were told that another node holds {@code userId}. */
  boolean contains(String userId) {
    return members.containsKey(userId);
  }

  /** Notes that another node holds {@code member}; true when subscribers here had not been told (news). */
  boolean add(PresenceMember member) {
    return members.put(member.userId(), info(member.userInfo())) == null;
  }

  /** Notes that no other node holds {@code userId}; true when subscribers here had been told it did. */
  boolean remove(String userId) {
    return members.remove(userId) != null;
  }

  /**
   * Brings this view up to date with {@code actual} (userId → user_info, what the cluster holds now) and returns
   * what changed: the members added, then the ids of the members removed (none unless {@code complete}: a list
   * that may lack members proves no departure).
   */
  Changes update(Map<String, JsonNode> actual, boolean complete) {
    List<PresenceMember> added = new ArrayList<>();
    actual.forEach((userId, info) -> {
      if (!members.containsKey(userId)) {
        added.add(new PresenceMember(userId, info));
      }
    });
    List<String> removed = new ArrayList<>();
    if (complete) {
      removed.addAll(members.keySet());
      removed.removeAll(actual.keySet());
    }
    added.forEach(this::add);
    removed.forEach(members::remove);
    return new Changes(added, removed);
  }

  /** What {@link #update} changed. */
  record Changes(List<PresenceMember> added, List<String> removed) {}

  /** Adds the members not in {@code local} to a roster's {@code presence} snapshot ({@code {ids, hash, count}}). */
  ObjectNode addTo(ObjectNode presence, PresenceRoster local) {
    ArrayNode ids = (ArrayNode) presence.get("ids");
    ObjectNode hash = (ObjectNode) presence.get("hash");
    members.forEach((userId, info) -> {
      if (!local.contains(userId)) {
        ids.add(userId);
        hash.set(userId, info);
      }
    });
    presence.put("count", ids.size());
    return presence;
  }

  private static JsonNode info(JsonNode info) {
    return info == null ? Frames.JSON.nullNode() : info;
  }
}
