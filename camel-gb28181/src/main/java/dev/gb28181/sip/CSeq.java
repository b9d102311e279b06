package dev.gb28181.sip;

import java.util.Objects;

/** The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and the request method. */
public final class CSeq {

    private final long seq;
    private final String method;

    public CSeq(long seq, String method) {
        this.seq = seq;
        this.method = Objects.requireNonNull(method, "method");
    }

    public static CSeq parse(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > 10) {
            throw new SipParseException("Invalid CSeq number: " + text);
        }
        long seq = Long.parseLong(s.substring(0, i));
        if (seq > 0x7FFFFFFFL) {
            throw new SipParseException("CSeq number out of range: " + text);
        }
        String method = s.substring(i).trim();
        if (method.isEmpty() || i == s.length() || !HeaderParams.isWs(s.charAt(i))) {
            throw new SipParseException("Invalid CSeq method: " + text);
        }
        for (int k = 0; k < method.length(); k++) {
            char c = method.charAt(k);
            if (c <= ' ' || c > '~') {
                throw new SipParseException("Invalid CSeq method: " + text);
            }
        }
        return new CSeq(seq, method);
    }

    public long seq() {
        return seq;
    }

    public String method() {
        return method;
    }

    @Override
    public String toString() {
        return seq + " " + method;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CSeq && ((CSeq) o).seq == seq && ((CSeq) o).method.equals(method);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + method.hashCode();
    }
}
