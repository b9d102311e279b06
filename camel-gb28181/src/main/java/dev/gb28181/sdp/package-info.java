/**
 * The SDP of GB/T 28181-2016 media sessions (§9.2, Annex F; RFC 4566, RFC 4145, RFC 4571): {@link
 * dev.gb28181.sdp.GbSdp} parses what a device answers in its 200 OK and builds what the platform offers in an
 * INVITE, including the GB lines {@code y=} (SSRC) and {@code f=} (media description) and the vendor sub-stream
 * attributes. No Camel, no I/O, no shared state.
 */
package dev.gb28181.sdp;
