package dev.gb28181.platform;

/**
 * A MANSCDP request got no SIP answer, or a query got no answer, in time (GB/T 28181-2016 §9.5:
 * the answer is a separate MESSAGE from the device; the platform's {@code requestTimeout} and, for
 * split answers of Annex N, {@code firstPartTimeout}). The message names the device, the CmdType and
 * the SN.
 */
public class ManscdpTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManscdpTimeoutException(String message) {
        super(message);
    }
}
