package io.vertebra.kit.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code Forwarded} / {@code X-Forwarded-*} headers this server believes
 * ({@code TRUSTED_PROXIES}: comma-separated addresses and CIDR ranges, IPv4 or IPv6). Anyone else can write those
 * headers too, so from any other peer they are ignored. Only address literals are accepted: a host name would make
 * every request depend on DNS.
 */
public final class TrustedProxies {

  /** One address range: the first {@code prefix} bits of {@code network}. */
  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = rest == 0 ? 0 : (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Range> ranges;
  private final String description;

  private TrustedProxies(List<Range> ranges, String description) {
    this.ranges = ranges;
    this.description = description;
  }

  /** No proxy is trusted: every request is taken as it arrived. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of(), "none");
  }

  /**
   * Parses {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}; blank means none.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return none();
    }
    List<Range> ranges = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (!entry.isEmpty()) {
        ranges.add(range(entry));
      }
    }
    return new TrustedProxies(List.copyOf(ranges), String.join(", ", list.trim().split("\\s*,\\s*")));
  }

  /** Whether any proxy is trusted. */
  public boolean enabled() {
    return !ranges.isEmpty();
  }

  /** Whether {@code address} is one of the trusted proxies. */
  public boolean trusts(InetAddress address) {
    byte[] bytes = address.getAddress();
    return ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  /** Whether {@code literal} is an address literal of a trusted proxy (false for anything else). */
  public boolean trusts(String literal) {
    InetAddress address = literal(literal);
    return address != null && trusts(address);
  }

  /** The configured list, for the startup banner. */
  public String describe() {
    return description;
  }

  /** The address an IP literal names, or null when {@code text} is not one (never a DNS lookup). */
  public static InetAddress literal(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
        || (!t.contains(":") && !t.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
      return null;
    }
    try {
      return InetAddress.getByName(t); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
    }
    byte[] bytes = address.getAddress();
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("'" + entry + "': the prefix length must be 0 to " + bytes.length * 8);
      }
    }
    return new Range(bytes, prefix);
  }
}
