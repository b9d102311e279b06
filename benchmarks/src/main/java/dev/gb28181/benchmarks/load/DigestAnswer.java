package dev.gb28181.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A device's answer to a digest challenge (RFC 2617 §3.2.2 as RFC 3261 §22.4 uses it, GB/T
 * 28181-2016 §9.1.2.1): {@code qop=auth} with cnonce and nonce-count when the platform offers it,
 * the RFC 2069 form otherwise. One instance per thread ({@link MessageDigest} is not thread-safe).
 */
final class DigestAnswer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest md5;

    DigestAnswer() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    /** The whole {@code Authorization} header line, without its CRLF. */
    String authorization(String username, String password, String realm, String nonce, String qop, String opaque,
            String uri, String cnonce) {
        String ha1 = md5Hex(username + ":" + realm + ":" + password);
        String ha2 = md5Hex("REGISTER:" + uri);
        boolean auth = qop != null && qop.contains("auth");
        String nc = "00000001";
        String response = auth
                ? md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5Hex(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder(256)
                .append("Authorization: Digest username=\"").append(username)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response)
                .append("\", algorithm=MD5");
        if (auth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (opaque != null) {
            header.append(", opaque=\"").append(opaque).append('"');
        }
        return header.toString();
    }

    private String md5Hex(String s) {
        byte[] digest = md5.digest(s.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
