package io.vertebra.channels.console;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.Hmac;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who may use the console: a loopback client as is; anyone else only with HTTP Basic credentials made of the app
 * key (user) and the app secret (password), compared in constant time. A request that came through a proxy
 * (any of {@link #PROXY_HEADERS}, or a Host that is not a loopback name) counts as remote even when the proxy
 * itself is on loopback, so a local reverse proxy does not open the console to the world. A proxy that sends
 * none of these (nginx's bare {@code proxy_pass} rewrites Host to the upstream's and adds nothing) cannot be told
 * from a local client: OPERATIONS.md asks for {@code X-Forwarded-For} or the original Host.
 */
final class ConsoleAccess {

  /** Headers that only proxies add; any of them marks a request as forwarded. */
  static final java.util.List<String> PROXY_HEADERS = java.util.List.of("Forwarded", "X-Forwarded-For",
      "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Server", "X-Real-IP", "Via", "True-Client-IP",
      "CF-Connecting-IP", "X-Client-IP");

  /** The Basic realm browsers show in their login prompt. */
  static final String REALM = "Vertebra console";

  private final AppCredentials credentials;

  ConsoleAccess(AppCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Whether to serve a request from {@code remoteAddress} (an IP literal), {@code proxied} when it carried a
   * forwarding header, with the {@code Authorization} header value (may be null).
   */
  boolean allows(String remoteAddress, boolean proxied, String authorization) {
    if (!proxied && isLoopback(remoteAddress)) {
      return true;
    }
    return validBasic(authorization);
  }

  private boolean validBasic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    // Both compared, always, so the time taken does not tell which one was wrong.
    boolean keyOk = Hmac.constantTimeEquals(credentials.key(), decoded.substring(0, colon));
    boolean secretOk = Hmac.constantTimeEquals(credentials.secret(), decoded.substring(colon + 1));
    return keyOk & secretOk;
  }

  /** Loopback check of an IP literal; anything else is not loopback (and is never looked up by name). */
  static boolean isLoopback(String address) {
    if (address == null || !(address.contains(":") || address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"))) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
