package io.vertebra.channels.connection;

import io.vertebra.channels.limits.AddressQuotas;
import io.vertebra.channels.limits.MemoryAdmission;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections, by socket id, with what decides whether a new one may open: the app's connection limit,
 * the per-address quotas and the memory admission.
 */
public final class ConnectionRegistry {

  private final Map<String, Connection> bySocketId = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final int maxConnections;
  private final AddressQuotas addresses;
  private final MemoryAdmission memory;
  private volatile boolean closed;

  /** A registry admitting at most {@code maxConnections} connections, with no per-address quota. */
  public ConnectionRegistry(int maxConnections) {
    this(maxConnections, new AddressQuotas(0, 0), new MemoryAdmission(0, 0));
  }

  /**
   * A registry admitting at most {@code maxConnections} connections, per address what {@code addresses} allow, and
   * none while {@code memory} refuses.
   */
  public ConnectionRegistry(int maxConnections, AddressQuotas addresses, MemoryAdmission memory) {
    this.maxConnections = maxConnections;
    this.addresses = addresses;
    this.memory = memory;
  }

  /** The memory admission, checked when a connection opens. */
  public MemoryAdmission memory() {
    return memory;
  }

  /** The per-address quotas, checked when a connection opens and released when it ends. */
  public AddressQuotas addresses() {
    return addresses;
  }

  /** Admits {@code connection}; false when the app is at its connection limit or shutting down. */
  public boolean add(Connection connection) {
    if (closed) {
      return false;
    }
    if (count.incrementAndGet() > maxConnections) {
      count.decrementAndGet();
      return false;
    }
    bySocketId.put(connection.socketId(), connection);
    return true;
  }

  /** Stops admitting connections (the server is shutting down). */
  public void close() {
    closed = true;
  }

  /** Whether the registry stopped admitting connections. */
  public boolean isClosed() {
    return closed;
  }

  /** Forgets a connection (no-op when unknown). */
  public void remove(Connection connection) {
    if (bySocketId.remove(connection.socketId(), connection)) {
      count.decrementAndGet();
    }
  }

  /** The connection with {@code socketId}, or null. */
  public Connection find(String socketId) {
    return bySocketId.get(socketId);
  }

  /** The connections signed in as {@code userId}. */
  public List<Connection> ofUser(String userId) {
    return bySocketId.values().stream().filter(c -> userId.equals(c.userId())).toList();
  }

  /** All open connections (live view). */
  public Collection<Connection> all() {
    return bySocketId.values();
  }

  /** Number of open connections. */
  public int size() {
    return count.get();
  }
}
