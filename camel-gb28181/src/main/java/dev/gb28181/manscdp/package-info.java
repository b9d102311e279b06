/**
 * MANSCDP, the XML command language of GB/T 28181 (2016 Annex A, 2022 Annex A): typed messages for
 * every Query, Control, Notify and Response of both editions, and {@link dev.gb28181.manscdp.ManscdpCodec}
 * to read them from and write them to SIP MESSAGE/NOTIFY bodies ({@code Application/MANSCDP+xml}).
 *
 * <p>Real devices bend the standard (charsets, unescaped text, misplaced fields, spelling); the codec
 * repairs what it can and keeps what it does not model in each element's extensions, so nothing a device
 * sends is lost. This package does not depend on Camel: the platform and any other Java program can use it.
 */
package dev.gb28181.manscdp;
