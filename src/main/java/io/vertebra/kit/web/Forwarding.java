package io.vertebra.kit.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a chain of trusted proxies says about the original request: the client's address, the scheme and the host
 * it used. Read from RFC 7239 {@code Forwarded} when present, else from {@code X-Forwarded-For/-Proto/-Host}.
 *
 * <p>Proxies append to these headers, so everything left of the nearest untrusted hop may be made up by the client.
 * The client is therefore the rightmost address that is not a trusted proxy (nginx's {@code real_ip_recursive}):
 * {@code X-Forwarded-For: 6.6.6.6, 203.0.113.9} from a trusted proxy means client 203.0.113.9, whatever it wrote
 * itself. Scheme and host are the ones the outermost trusted proxy saw (its {@code Forwarded} element; for the
 * {@code X-Forwarded-*} forms, the last value, which the nearest proxy set). Values that are not an address, not
 * {@code http}/{@code https} or not a plain host[:port] are ignored.
 *
 * @param client the client's address, or null when the headers name none usable
 * @param proto {@code http} or {@code https}, or null
 * @param host the host (and port) the client addressed, or null
 */
public record Forwarding(InetAddress client, String proto, String host) {

  /** The forwarding information in these header values (each list holds every line of that header). */
  public static Forwarding resolve(List<String> forwarded, List<String> forwardedFor, List<String> forwardedProto,
      List<String> forwardedHost, TrustedProxies trusted) {
    if (!forwarded.isEmpty()) {
      List<Map<String, String>> parsed = ForwardedHeader.parse(forwarded);
      if (parsed == null) {
        return new Forwarding(null, null, null); // a quoted-string left open: nothing of it is believed
      }
      List<Element> elements = parsed.stream().map(p -> new Element(p.get("for"), p.get("proto"), p.get("host")))
          .toList();
      int boundary = boundary(elements.stream().map(Element::forAddress).toList(), trusted);
      if (boundary < 0) {
        return new Forwarding(null, null, null);
      }
      Element e = elements.get(boundary);
      return new Forwarding(TrustedProxies.literal(withoutPort(e.forAddress())), proto(e.proto()), host(e.host()));
    }
    List<String> hops = items(forwardedFor);
    int boundary = boundary(hops, trusted);
    return new Forwarding(boundary < 0 ? null : TrustedProxies.literal(withoutPort(hops.get(boundary))),
        proto(last(forwardedProto)), host(last(forwardedHost)));
  }

  /** Whether the headers said anything usable. */
  public boolean isEmpty() {
    return client == null && proto == null && host == null;
  }

  /**
   * The index of the client among {@code hops} (oldest first): walking from the right, the first hop that is not
   * a trusted proxy; the leftmost when every hop is trusted; -1 when the first untrusted hop is not an address.
   */
  private static int boundary(List<String> hops, TrustedProxies trusted) {
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      InetAddress address = hop == null ? null : TrustedProxies.literal(withoutPort(hop));
      if (address == null) {
        return -1;
      }
      if (i == 0 || !trusted.trusts(address)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> items(List<String> lines) {
    List<String> items = new ArrayList<>();
    for (String line : lines) {
      for (String item : line.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  private static String last(List<String> lines) {
    List<String> items = items(lines);
    return items.isEmpty() ? null : items.get(items.size() - 1);
  }

  private static String proto(String value) {
    if (value == null) {
      return null;
    }
    String p = value.trim().toLowerCase(Locale.ROOT);
    return p.equals("http") || p.equals("https") ? p : null;
  }

  /** A host name or address literal with an optional port, nothing else (no user info, path or spaces). */
  private static String host(String value) {
    if (value == null) {
      return null;
    }
    String h = value.trim().toLowerCase(Locale.ROOT);
    return h.matches("([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?|\\[[0-9a-f:.]+\\])(:\\d{1,5})?") ? h : null;
  }

  /** {@code 192.0.2.1:4711} or {@code [2001:db8::1]:4711} without the port; a bare IPv6 literal unchanged. */
  private static String withoutPort(String hop) {
    String h = hop.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
  }

  /** One {@code Forwarded} element: its {@code for}, {@code proto} and {@code host} values (or null). */
  private record Element(String forAddress, String proto, String host) {}
}
