package io.vertebra.kit.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The process and its JVM: heap and non-heap memory, threads, garbage collections, start time and uptime, under
 * the names Prometheus' own Java client uses, so existing dashboards fit.
 */
public final class JvmMetrics implements MetricSource {

  @Override
  public void collect(PrometheusText out) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    out.gauge("jvm_memory_used_bytes", "Memory in use, by area.")
        .sample(heap.getUsed(), "area", "heap").sample(nonHeap.getUsed(), "area", "nonheap");
    out.gauge("jvm_memory_committed_bytes", "Memory reserved from the operating system, by area.")
        .sample(heap.getCommitted(), "area", "heap").sample(nonHeap.getCommitted(), "area", "nonheap");
    out.gauge("jvm_memory_max_bytes", "Largest size the area may grow to (-1 when unbounded).")
        .sample(heap.getMax(), "area", "heap").sample(nonHeap.getMax(), "area", "nonheap");

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    out.gauge("jvm_threads_current", "Live threads.").sample(threads.getThreadCount());
    out.gauge("jvm_threads_daemon", "Live daemon threads.").sample(threads.getDaemonThreadCount());
    out.gauge("jvm_threads_peak", "Most live threads at once since start.").sample(threads.getPeakThreadCount());

    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    out.counter("jvm_gc_collections_total", "Garbage collections, by collector.");
    collectors.forEach(gc -> out.sample(Math.max(0, gc.getCollectionCount()), "gc", gc.getName()));
    out.counter("jvm_gc_collection_seconds_total", "Time spent in garbage collection, by collector.");
    collectors.forEach(gc -> out.sample(Math.max(0, gc.getCollectionTime()) / 1000.0, "gc", gc.getName()));

    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    out.gauge("process_start_time_seconds", "When the process started, in seconds since the Unix epoch.")
        .sample(runtime.getStartTime() / 1000.0);
    out.gauge("process_uptime_seconds", "Seconds since the process started.").sample(runtime.getUptime() / 1000.0);
    out.gauge("process_cpu_count", "Processors available to the JVM.")
        .sample(Runtime.getRuntime().availableProcessors());
  }
}
