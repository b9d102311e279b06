/**
 * Micrometer meters of a GB/T 28181 platform ({@link dev.gb28181.camel.metrics.Gb28181Metrics}). Micrometer is an
 * optional dependency: only applications that bind these meters need it; the platform counts without it.
 */
package dev.gb28181.camel.metrics;
