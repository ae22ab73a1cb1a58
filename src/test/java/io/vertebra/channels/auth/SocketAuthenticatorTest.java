package io.vertebra.channels.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Against the worked examples of Pusher's "Generating authentication and authorization strings" page. */
class SocketAuthenticatorTest {

  static final AppCredentials DOCS = new AppCredentials("3", "278d425bdf160c739803", "7ad3773142a6692b25b8");
  private final SocketAuthenticator auth = new SocketAuthenticator(DOCS);

  @Test
  @DisplayName("private channel: documented example 1234.1234:private-foobar")
  void privateChannelExample() {
    String expected = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
    assertEquals(expected, auth.channelAuth("1234.1234", "private-foobar", null));
    assertTrue(auth.verifyChannel("1234.1234", "private-foobar", null, expected));
  }

  @Test
  @DisplayName("presence channel: documented example with channel_data of user 10")
  void presenceChannelExample() {
    String channelData = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";
    String expected = "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80";
    assertTrue(auth.verifyChannel("1234.1234", "presence-foobar", channelData, expected));
    assertFalse(auth.verifyChannel("1234.1234", "presence-foobar", channelData.replace("10", "11"), expected),
        "channel_data is part of the signature");
  }

  @Test
  @DisplayName("user authentication: documented example 1234.1234::user::{\"id\":\"12345\"}")
  void userAuthenticationExample() {
    String expected = "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";
    assertTrue(auth.verifyUser("1234.1234", "{\"id\":\"12345\"}", expected));
  }

  @Test
  void signatureForAnotherSocketOrChannelIsRejected() {
    String valid = auth.channelAuth("1234.1234", "private-foobar", null);
    assertFalse(auth.verifyChannel("1234.1235", "private-foobar", null, valid));
    assertFalse(auth.verifyChannel("1234.1234", "private-foobaz", null, valid));
    assertFalse(auth.verifyChannel("1234.1234", "private-foobar", null, null));
    assertFalse(auth.verifyChannel("1234.1234", "private-foobar", null, "otherkey" + valid.substring(20)));
  }
}
