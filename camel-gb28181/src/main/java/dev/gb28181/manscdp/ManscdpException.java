package dev.gb28181.manscdp;

/** A MANSCDP body that cannot be read: not XML, too large, or without a CmdType. */
public class ManscdpException extends Exception {

    private static final long serialVersionUID = 1L;

    public ManscdpException(String message) {
        super(message);
    }

    public ManscdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
