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
        int n = text.length();
        int start = SipSyntax.skipWs(text, 0);
        int i = start;
        long seq = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            seq = seq * 10 + (text.charAt(i) - '0');
            i++;
            if (i - start > 10) {
                throw new SipParseException("Invalid CSeq number: " + text);
            }
        }
        if (i == start) {
            throw new SipParseException("Invalid CSeq number: " + text);
        }
        if (seq > 0x7FFFFFFFL) {
            throw new SipParseException("CSeq number out of range: " + text);
        }
        if (i == n || !SipSyntax.isWs(text.charAt(i))) {
            throw new SipParseException("Invalid CSeq method: " + text);
        }
        int mStart = SipSyntax.skipWs(text, i);
        int mEnd = n;
        while (mEnd > mStart && SipSyntax.isWs(text.charAt(mEnd - 1))) {
            mEnd--;
        }
        if (mStart == mEnd) {
            throw new SipParseException("Invalid CSeq method: " + text);
        }
        for (int k = mStart; k < mEnd; k++) {
            char c = text.charAt(k);
            if (c <= ' ' || c > '~') {
                throw new SipParseException("Invalid CSeq method: " + text);
            }
        }
        return new CSeq(seq, method(text, mStart, mEnd));
    }

    /** The method text, as the shared constant when it is one of GB/T 28181's methods. */
    private static String method(String text, int from, int to) {
        for (String known : SipMethod.ALL) {
            if (known.length() == to - from && text.startsWith(known, from)) {
                return known;
            }
        }
        return text.substring(from, to);
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
