package io.vertebra.kit.web;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;

/**
 * Gzip for what a browser downloads on first load: the host pages, style sheets and compiled scripts (the app's
 * JavaScript shrinks to about a third). API JSON stays uncompressed: its answers are small, and compressing them
 * would cost CPU on the hot REST path for little gain. Request bodies are not decompressed: the APIs take plain JSON
 * and forms, so nothing can smuggle a body past their size limits.
 */
public final class WebCompression {

  /** Smaller responses are sent as they are: gzip's framing would outweigh the saving. */
  public static final int MIN_SIZE_BYTES = 1024;

  private WebCompression() {}

  /** Wraps {@code handler} so that web content is gzipped for clients that accept it. */
  public static Handler around(Handler handler) {
    GzipCompression gzip = new GzipCompression();
    gzip.setMinCompressSize(MIN_SIZE_BYTES);
    CompressionHandler compression = new CompressionHandler(handler);
    compression.putCompression(gzip);
    compression.putConfiguration("/*", CompressionConfig.builder()
        .compressIncludeMethod("GET")
        .compressIncludeMimeType("text/html")
        .compressIncludeMimeType("text/css")
        .compressIncludeMimeType("text/javascript")
        .compressIncludeMimeType("application/javascript")
        .decompressIncludeMethod("NONE")
        .build());
    return compression;
  }
}
