/**
 * Operations endpoints shared by every mode of the process: {@code GET /healthz} (is this node fit to serve?) and
 * {@code GET /metrics} (Prometheus text format), with the small pieces they are built from: a dependency-free
 * exposition writer, metric sources, health checks and a Jetty handler that counts every HTTP response. The
 * channels server and the posts backend contribute their own sources and checks; nothing here knows about either.
 */
package io.vertebra.kit.ops;
