package dev.gb28181.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * Reads the little the load generator needs from a platform's answer, in place in the receive
 * buffer: the status code (RFC 3261 §7.2), the branch of the top Via (§8.1.1.7) that names the
 * request it answers, and the digest challenge parameters of a 401 (§22.4, §25.1
 * {@code WWW-Authenticate}). The platform's own parser is what is measured, so this stays minimal
 * and allocation-free except for the challenge.
 */
final class ResponseReader {

    private static final byte[] STATUS_PREFIX = RequestWriter.ascii("SIP/2.0 ");
    private static final byte[] BRANCH = RequestWriter.ascii("branch=" + RequestWriter.BRANCH_PREFIX);
    private static final byte[] WWW_AUTHENTICATE = RequestWriter.ascii("\nwww-authenticate:");

    private ResponseReader() {
    }

    /** The status code, or -1 when the datagram is not a response. */
    static int status(byte[] b, int len) {
        if (len < STATUS_PREFIX.length + 3 || indexOf(b, 0, STATUS_PREFIX.length, STATUS_PREFIX, false) != 0) {
            return -1;
        }
        int code = 0;
        for (int i = STATUS_PREFIX.length; i < STATUS_PREFIX.length + 3; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            code = code * 10 + digit;
        }
        return code;
    }

    /** The sequence number the generator put into the branch, or -1 when the answer carries none of ours. */
    static long branchSeq(byte[] b, int len) {
        int at = indexOf(b, 0, len, BRANCH, false);
        if (at < 0) {
            return -1;
        }
        long seq = 0;
        int i = at + BRANCH.length;
        int start = i;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            seq = seq * 10 + (b[i++] - '0');
        }
        return i == start ? -1 : seq;
    }

    /**
     * The value of parameter {@code name} of the {@code WWW-Authenticate} header (quotes removed), or
     * {@code null} when absent.
     */
    static String challengeParam(byte[] b, int len, String name) {
        int header = indexOf(b, 0, len, WWW_AUTHENTICATE, true);
        if (header < 0) {
            return null;
        }
        int end = indexOf(b, header + 1, len, RequestWriter.ascii("\r\n"), false);
        end = end < 0 ? len : end;
        byte[] key = RequestWriter.ascii(name + "=");
        int at = header + WWW_AUTHENTICATE.length;
        while ((at = indexOf(b, at, end, key, true)) >= 0) {
            byte before = b[at - 1];
            if (before == ' ' || before == ',' || before == '\t' || before == ':') {
                break;
            }
            at += key.length;
        }
        if (at < 0) {
            return null;
        }
        int from = at + key.length;
        int to;
        if (from < end && b[from] == '"') {
            from++;
            to = from;
            while (to < end && b[to] != '"') {
                to++;
            }
        } else {
            to = from;
            while (to < end && b[to] != ',' && b[to] != ' ' && b[to] != '\r') {
                to++;
            }
        }
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] b, int from, int to, byte[] needle, boolean ignoreCase) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte c = b[i + j];
                if (ignoreCase && c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
