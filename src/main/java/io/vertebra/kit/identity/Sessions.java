package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.web.ApiException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is signed in: a signed, HttpOnly, SameSite=Lax cookie holding a session id and the user (see
 * {@link SessionCodec}), honoured only while the session is active in the {@link SessionRecords}: signing out
 * revokes it server-side, so a copy of the cookie stops working too. No password system: a user picks a display
 * name and gets a random id and a colour. SameSite keeps other sites' pages from writing with the user's cookie.
 */
public final class Sessions {

  /** The session cookie's name. */
  public static final String COOKIE = "vertebra_session";

  /** Colours for presence lists, readable on white; chosen from the user id so a user keeps theirs. */
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
      "#17becf", "#bcbd22", "#ff7f0e", "#393b79", "#637939", "#843c39"};

  private final SessionCodec codec;
  private final SessionRecords store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Sessions(SessionCodec codec, SessionRecords store, Clock clock) {
    this.codec = codec;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Sessions valid for 30 days, signed with {@code secret} ({@code SESSION_SECRET}) or, when it is null, with the key
   * kept in {@code dataDir}.
   */
  public static Sessions open(String secret, Path dataDir, ObjectMapper mapper, Clock clock, SessionRecords store)
      throws IOException {
    store.purgeExpired(clock.millis()); // expired sessions are refused anyway; keep the table small
    return new Sessions(new SessionCodec(SessionSecret.load(secret, dataDir), mapper, clock, Duration.ofDays(30)),
        store, clock);
  }

  /** The user of this request's session cookie, if it carries a valid one whose session was not revoked. */
  public Optional<User> current(HttpServletRequest request) {
    return session(request).map(Session::user);
  }

  private Optional<Session> session(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        Optional<Session> session = codec.decode(cookie.getValue())
            .filter(s -> store.isActive(s.id(), s.user().id()));
        if (session.isPresent()) {
          return session;
        }
      }
    }
    return Optional.empty();
  }

  /** The signed-in user, or a {@code 401}. */
  public User require(HttpServletRequest request) {
    return current(request).orElseThrow(ApiException::unauthorized);
  }

  /** Signs in under {@code name} (already validated): a new user id and colour, and the cookie that carries them. */
  public User signIn(String name, HttpServletRequest request, HttpServletResponse response) {
    byte[] raw = new byte[8];
    random.nextBytes(raw);
    String id = "u" + HexFormat.of().formatHex(raw);
    User user = new User(id, name, COLORS[Math.floorMod(id.hashCode(), COLORS.length)]);
    byte[] sessionId = new byte[16];
    random.nextBytes(sessionId);
    Session session = new Session(HexFormat.of().formatHex(sessionId), user);
    store.create(session.id(), id, clock.millis() + codec.lifetime().toMillis());
    setCookie(request, response, codec.encode(session), codec.lifetime().toSeconds());
    return user;
  }

  /** Revokes this request's session (if any) and removes the cookie. */
  public void signOut(HttpServletRequest request, HttpServletResponse response) {
    session(request).ifPresent(s -> store.revoke(s.id()));
    setCookie(request, response, "", 0);
  }

  /**
   * Revokes every session of the signed-in user (any copy of the cookie, on any device or node) and removes
   * this cookie; a {@code 401} when nobody is signed in.
   *
   * @return how many sessions were active
   */
  public int signOutEverywhere(HttpServletRequest request, HttpServletResponse response) {
    User user = require(request);
    int revoked = store.revokeUser(user.id());
    setCookie(request, response, "", 0);
    return revoked;
  }

  /** A valid display name (see {@link DisplayNames}): normalised, or a 400 naming the rule it breaks. */
  public static String validName(String name) {
    return DisplayNames.valid(name);
  }

  private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value,
      long maxAgeSeconds) {
    // Set-Cookie written by hand: the Servlet Cookie API has no SameSite attribute in every container version.
    StringBuilder header = new StringBuilder(COOKIE).append('=').append(value)
        .append("; Path=/; Max-Age=").append(maxAgeSeconds).append("; HttpOnly; SameSite=Lax");
    if (request.isSecure()) {
      header.append("; Secure");
    }
    response.addHeader("Set-Cookie", header.toString());
  }
}
