package io.vertebra.posts.server.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.posts.server.api.ApiException;
import io.vertebra.posts.shared.SessionFields;
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
 * Who is signed in: a signed, HttpOnly, SameSite=Lax cookie holding the user (see {@link SessionCodec}). No
 * password system: a user picks a display name and gets a random id and a colour. SameSite keeps other sites'
 * pages from writing with the user's cookie.
 */
public final class Sessions {

  /** The session cookie's name. */
  public static final String COOKIE = "vertebra_session";

  /** Colours for presence lists, readable on white; chosen from the user id so a user keeps theirs. */
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
      "#17becf", "#bcbd22", "#ff7f0e", "#393b79", "#637939", "#843c39"};

  private final SessionCodec codec;
  private final SecureRandom random = new SecureRandom();

  Sessions(SessionCodec codec) {
    this.codec = codec;
  }

  /**
   * Sessions valid for 30 days, signed with {@code secret} ({@code SESSION_SECRET}) or, when it is null, with the key
   * kept in {@code dataDir}.
   */
  public static Sessions open(String secret, Path dataDir, ObjectMapper mapper, Clock clock) throws IOException {
    return new Sessions(new SessionCodec(SessionSecret.load(secret, dataDir), mapper, clock, Duration.ofDays(30)));
  }

  /** The user of this request's session cookie, if it carries a valid one. */
  public Optional<User> current(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        Optional<User> user = codec.decode(cookie.getValue());
        if (user.isPresent()) {
          return user;
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
    setCookie(request, response, codec.encode(user), codec.lifetime().toSeconds());
    return user;
  }

  /** Removes the session cookie. */
  public void signOut(HttpServletRequest request, HttpServletResponse response) {
    setCookie(request, response, "", 0);
  }

  /** Validates a display name: 1 to {@link SessionFields#NAME_MAX_LENGTH} characters, no control characters. */
  public static String validName(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw ApiException.invalid(SessionFields.NAME, "name must not be blank");
    }
    if (trimmed.length() > SessionFields.NAME_MAX_LENGTH) {
      throw ApiException.invalid(SessionFields.NAME, "name is longer than " + SessionFields.NAME_MAX_LENGTH
          + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(SessionFields.NAME, "name must not contain control characters");
    }
    return trimmed;
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
