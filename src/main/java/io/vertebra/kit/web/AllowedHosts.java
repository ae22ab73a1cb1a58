package io.vertebra.kit.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host names this server answers to, against DNS rebinding: a page on an attacker's name that resolves to
 * 127.0.0.1 makes the browser send {@code Host: attacker.example}, and is refused, so it can neither read nor
 * write a local instance with the user's cookie. From {@code ALLOWED_HOSTS} (comma-separated names, {@code *} for
 * any) when set; otherwise the loopback names when bound to a loopback address, the bound address itself when
 * bound to one other address, and any name when bound to every interface (put the public name in
 * {@code ALLOWED_HOSTS} there).
 */
public final class AllowedHosts {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> names; // empty = any

  private AllowedHosts(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /** The allowed names for {@code configured} ({@code ALLOWED_HOSTS}, may be null) and the bind address. */
  public static AllowedHosts of(String configured, String bindHost) {
    if (configured != null && !configured.isBlank()) {
      Set<String> names = Arrays.stream(configured.split(",")).map(AllowedHosts::normalise)
          .filter(n -> !n.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
      return new AllowedHosts(names.contains("*") ? Set.of() : names);
    }
    String bind = normalise(bindHost == null ? "" : bindHost);
    if (bind.isEmpty() || bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
      return new AllowedHosts(Set.of());
    }
    if (LOOPBACK.contains(bind) || bind.startsWith("127.")) {
      Set<String> names = new LinkedHashSet<>(LOOPBACK);
      names.add(bind);
      return new AllowedHosts(names);
    }
    return new AllowedHosts(Set.of(bind));
  }

  /** Whether any host name is accepted. */
  public boolean any() {
    return names.isEmpty();
  }

  /** The accepted names (empty: any), for the startup banner. */
  public Set<String> names() {
    return names;
  }

  /** Whether a request's {@code Host} header (name, optional port) names this server. */
  public boolean allows(String hostHeader) {
    if (names.isEmpty()) {
      return true;
    }
    return hostHeader != null && names.contains(normalise(withoutPort(hostHeader.trim())));
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) { // [::1]:8080
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n; // "localhost." is "localhost"
  }
}
