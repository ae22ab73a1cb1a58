package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster bus whose presence answers are set by the test (as if other nodes held members), recording what the
 * registry tells it as short strings ("join:presence-x:ann", "leave:presence-x:ann", "changed:news").
 */
public final class ScriptedClusterBus implements ClusterBus {

  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile Admission admission = Admission.NEW_MEMBER;
  public volatile boolean leftCluster = true;
  /** The members other nodes hold (userId → user_info), or null when the bus cannot say. */
  public volatile Map<String, JsonNode> remoteMembers;

  @Override
  public void subscriptionsChanged(String channel) {
    calls.add("changed:" + channel);
  }

  @Override
  public Admission join(String channel, PresenceMember member, int maxMembers, int localMembers) {
    calls.add("join:" + channel + ":" + member.userId());
    return admission;
  }

  @Override
  public boolean leave(String channel, String userId, String socketId, boolean channelEmptyHere) {
    calls.add("leave:" + channel + ":" + userId + (channelEmptyHere ? ":empty" : ""));
    return leftCluster;
  }

  @Override
  public PresenceMembers presenceMembers(String channel) {
    return remoteMembers == null ? null : new PresenceMembers(remoteMembers, true);
  }
}
