/**
 * The HTTP edge every Vertebra server puts in front of its endpoints: the JSON error contract, body limits and
 * slow-body protection, per-client limits, the Host and cross-site guards, security headers, compression and
 * static-file caching. Apps and the channels server use these; nothing here knows about either.
 */
package io.vertebra.kit.web;
