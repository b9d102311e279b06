/**
 * MANSRTSP, the playback control of GB/T 28181-2016 (§9.8.2, Annex B): RTSP-like requests (PAUSE, PLAY with
 * {@code Range} or {@code Scale}, TEARDOWN) carried in SIP INFO bodies of type {@code Application/MANSRTSP}
 * inside the INVITE dialog of a playback, and the device's {@code RTSP/1.0 200 OK} answer.
 * {@link dev.gb28181.mansrtsp.PlayControl} writes and reads the requests, {@link
 * dev.gb28181.mansrtsp.MansrtspResponse} the answers. No Camel, no I/O, no shared state.
 */
package dev.gb28181.mansrtsp;
