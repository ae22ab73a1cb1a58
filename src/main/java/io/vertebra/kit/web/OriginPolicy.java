package io.vertebra.kit.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins ({@code scheme://host[:port]}, the {@code Origin} header) may use an endpoint: any, only
 * the site itself (the origin names the host the request was sent to), or an allowlist of exact origins and
 * wildcard subdomains ({@code https://*.example.com}). A request without {@code Origin} is not from a page of
 * another site (browsers always send it cross-site), so every policy lets it through.
 */
public final class OriginPolicy {

  private enum Kind { ANY, SAME_SITE, LIST }

  /** One allowlist entry; {@code host} starting with "." matches any subdomain of it. */
  private record Entry(String scheme, String host, int port) {
    boolean matches(Entry origin) {
      if (!scheme.equals(origin.scheme) || port != origin.port) {
        return false;
      }
      return host.startsWith(".") ? origin.host.endsWith(host) && origin.host.length() > host.length()
          : host.equals(origin.host);
    }
  }

  private final Kind kind;
  private final List<Entry> entries;
  private final String description;

  private OriginPolicy(Kind kind, List<Entry> entries, String description) {
    this.kind = kind;
    this.entries = entries;
    this.description = description;
  }

  /** Every origin. */
  public static OriginPolicy any() {
    return new OriginPolicy(Kind.ANY, List.of(), "any origin");
  }

  /** Only pages of the site the request is addressed to (Origin's host and port equal the Host header's). */
  public static OriginPolicy sameSite() {
    return new OriginPolicy(Kind.SAME_SITE, List.of(), "this site's own pages");
  }

  /**
   * Parses a comma-separated allowlist: {@code *}, exact origins ({@code https://app.example.com},
   * {@code http://127.0.0.1:8080}) and wildcard subdomains ({@code https://*.example.com}, which does not match
   * {@code https://example.com} itself).
   *
   * @throws IllegalArgumentException naming the entry that is not an origin
   */
  public static OriginPolicy parse(String list) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : list.split(",")) {
      String text = raw.trim();
      if (text.equals("*")) {
        return any();
      }
      if (!text.isEmpty()) {
        boolean wildcard = text.contains("://*.");
        Entry entry = origin(wildcard ? text.replace("://*.", "://wildcard.") : text);
        if (entry == null) {
          throw new IllegalArgumentException("'" + text + "' is not an origin: scheme://host[:port] or"
              + " scheme://*.domain[:port], without a path");
        }
        entries.add(wildcard ? new Entry(entry.scheme, entry.host.substring("wildcard".length()), entry.port)
            : entry);
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the list names no origin");
    }
    return new OriginPolicy(Kind.LIST, List.copyOf(entries), list.trim());
  }

  /**
   * Whether a request carrying {@code origin} (null when absent) and sent to {@code host} (the Host header) may
   * go on.
   */
  public boolean allows(String origin, String host) {
    if (origin == null || kind == Kind.ANY) {
      return true;
    }
    if (kind == Kind.SAME_SITE) {
      return sameHost(origin, host);
    }
    Entry parsed = origin(origin);
    return parsed != null && entries.stream().anyMatch(entry -> entry.matches(parsed));
  }

  /** What the policy admits, for startup lines and refusal messages. */
  public String describe() {
    return description;
  }

  /**
   * Whether {@code origin} names the host and port of the {@code host} header: the browser's same-origin test for
   * a request to this server. {@code Origin: null} (sandboxed frames, local files) never does.
   */
  public static boolean sameHost(String origin, String host) {
    Entry parsed = origin == null ? null : origin(origin);
    if (host == null || parsed == null) {
      return false;
    }
    String hostOnly = host.trim().toLowerCase(Locale.ROOT);
    int defaultPort = defaultPort(parsed.scheme);
    String expected = parsed.host + (parsed.port == defaultPort ? "" : ":" + parsed.port);
    return hostOnly.equals(expected) || hostOnly.equals(expected + ":" + defaultPort);
  }

  /** The origin's parts in lower case with its port filled in, or null when it is not an origin. */
  private static Entry origin(String text) {
    try {
      URI uri = new URI(text.trim());
      String path = uri.getRawPath();
      if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null
          || (path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return new Entry(scheme, uri.getHost().toLowerCase(Locale.ROOT),
          uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }
}
