package __PACKAGE__.server;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.User;

/** The app's channel rule: a signed-in user may join the presence channel of a note that exists, nothing else. */
final class NotePresence implements ChannelPolicy {

  private final NoteStore store;

  NotePresence(NoteStore store) {
    this.store = store;
  }

  @Override
  public String refusal(User user, String channel) {
    long id = NoteApi.presenceNoteId(channel);
    if (id < 0) {
      return "Channel " + channel + " is not one this app authorizes";
    }
    return store.find(id).isEmpty() ? "Note " + id + " does not exist" : null;
  }
}
