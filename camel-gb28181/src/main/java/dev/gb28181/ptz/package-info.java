/**
 * The PTZCmd codec: the eight-byte front-end device control commands of GB/T 28181-2016 Annex A.3
 * (pan/tilt/zoom, focus/iris, presets, cruise, scan, auxiliary switches) that travel as 16 hex characters in
 * the {@code <PTZCmd>} of a DeviceControl (A.2.3).
 *
 * <p>{@link dev.gb28181.ptz.PtzCommand#of} builds a command from a {@link dev.gb28181.ptz.PtzAction} and
 * {@link dev.gb28181.ptz.PtzParams}, refusing out-of-range values before anything is built;
 * {@link dev.gb28181.ptz.PtzCommand#decode} reads one back, checking both checks of A.3.1 and refusing
 * anything else with a {@link dev.gb28181.ptz.PtzCodecException}. No Camel, no I/O, no shared state.
 */
package dev.gb28181.ptz;
