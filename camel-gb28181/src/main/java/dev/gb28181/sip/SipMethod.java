package dev.gb28181.sip;

import java.util.List;

/** Method names used by GB/T 28181 (RFC 3261 §7.1, RFC 3428 MESSAGE, RFC 3265 SUBSCRIBE/NOTIFY, RFC 2976 INFO). */
public final class SipMethod {

    public static final String REGISTER = "REGISTER";
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String MESSAGE = "MESSAGE";
    public static final String INFO = "INFO";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";

    /** Every method above, most frequent first; decoders map method text to these shared constants. */
    public static final List<String> ALL = List.of(MESSAGE, REGISTER, INVITE, ACK, BYE, CANCEL, OPTIONS, INFO,
            SUBSCRIBE, NOTIFY);

    private SipMethod() {
    }
}
