/**
 * Small HTTP helpers shared by the process's servlets (channels HTTP API and posts API) that belong to neither.
 */
package io.vertebra.web;
