package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster bus whose presence answers are set by the test (as if other nodes held members), recording what the
 * registry tells it as short strings ("join:presence-x:ann", "leave:presence-x:ann", "changed:news").
 */
public final class ScriptedClusterBus implements ClusterBus {

  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile Admission admission = Admission.NEW_MEMBER;
  public volatile boolean leftCluster = true;
  /** A member other nodes hold, added to every presence snapshot (null for none). */
  public volatile String remoteMember;

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
  public boolean leave(String channel, String userId, boolean channelEmptyHere) {
    calls.add("leave:" + channel + ":" + userId + (channelEmptyHere ? ":empty" : ""));
    return leftCluster;
  }

  @Override
  public ObjectNode presenceSnapshot(String channel, PresenceRoster localRoster) {
    ObjectNode presence = localRoster.snapshot();
    if (remoteMember != null) {
      presence.withArray("ids").add(remoteMember);
      presence.with("hash").putNull(remoteMember);
      presence.put("count", presence.get("ids").size());
    }
    return presence;
  }
}
