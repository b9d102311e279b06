/**
 * In-process MPEG-2 Program Stream demuxer (ISO/IEC 13818-1 §2.5, GB/T 28181-2016 Annex C): turns the RTP
 * payloads of a session into H.264/H.265/MPEG-4 access units and audio frames without an external media
 * server. Camel-free.
 */
package dev.gb28181.media.ps;
