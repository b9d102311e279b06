/**
 * Media of GB/T 28181 sessions (GB/T 28181-2016 §9.2, Annex C): the frame model shared by the RTP
 * receivers, the PS demuxer and the Camel endpoints. Camel-free.
 */
package dev.gb28181.media;
