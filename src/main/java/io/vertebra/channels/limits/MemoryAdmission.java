package io.vertebra.channels.limits;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new connections while the heap in use right after the last garbage collection is above a share of the
 * maximum heap, so a server under memory pressure turns new clients away (they retry later) instead of being
 * killed with all its clients. It admits again once a collection brings the heap below 95 % of that share, so it
 * does not flap at the edge. The readings come from the JVM's collection notifications: nothing runs on the
 * connection path but a volatile read.
 */
public final class MemoryAdmission {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryAdmission.class);

  private final int limitPercent;
  private final long maxHeapBytes;
  private volatile boolean refusing;
  private volatile long heapAfterCollectionBytes = -1;

  /**
   * Admission with new connections refused above {@code limitPercent} (1-99; 0 = never refuse) of
   * {@code maxHeapBytes}.
   */
  public MemoryAdmission(int limitPercent, long maxHeapBytes) {
    this.limitPercent = limitPercent;
    this.maxHeapBytes = maxHeapBytes;
  }

  /** Whether a new connection may be admitted now. */
  public boolean admits() {
    return !refusing;
  }

  /** The heap in use right after the last collection, or -1 before the first. */
  public long heapAfterCollectionBytes() {
    return heapAfterCollectionBytes;
  }

  /** The share of the maximum heap above which new connections are refused, in percent (0 = off). */
  public int limitPercent() {
    return limitPercent;
  }

  /** Records the heap in use right after a collection, and opens or closes admission. */
  public void afterCollection(long usedBytes) {
    heapAfterCollectionBytes = usedBytes;
    if (limitPercent == 0 || maxHeapBytes <= 0) {
      return;
    }
    double percent = 100.0 * usedBytes / maxHeapBytes;
    if (!refusing && percent > limitPercent) {
      refusing = true;
      LOG.warn("Heap after collection at {}% of the maximum (limit {}%): refusing new connections with 4100"
          + " until it falls below {}%", Math.round(percent), limitPercent, reopenPercent());
    } else if (refusing && percent < reopenPercent()) {
      refusing = false;
      LOG.info("Heap after collection back to {}% of the maximum: admitting new connections again",
          Math.round(percent));
    }
  }

  private double reopenPercent() {
    return limitPercent * 0.95;
  }

  /**
   * Starts listening to this JVM's collections; close the result to stop. A JVM without collection notifications
   * leaves admission always open.
   */
  public AutoCloseable watchCollections() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    NotificationListener listener = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (heapPools.contains(pool.getKey())) {
            MemoryUsage usage = pool.getValue();
            used += usage.getUsed();
          }
        }
        afterCollection(used);
      }
    };
    List<NotificationEmitter> emitters = new ArrayList<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    return () -> {
      for (NotificationEmitter emitter : emitters) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
          // already gone
        }
      }
    };
  }
}
