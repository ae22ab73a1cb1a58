/**
 * A whole server in a few lines: {@link io.vertebra.kit.server.VertebraServer} puts embedded Jetty 12, the HTTP edge,
 * the embedded channels server, the database, identity, {@code /api/config}, static files and the operations
 * endpoints together on one port, and installs the app's {@link io.vertebra.kit.server.Module}s, each given a
 * {@link io.vertebra.kit.server.ModuleContext} with what the server holds. Everything else in this package is the
 * wiring itself, package-private.
 */
package io.vertebra.kit.server;
