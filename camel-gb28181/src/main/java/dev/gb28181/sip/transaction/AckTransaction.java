package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.transport.Flow;

/**
 * How an ACK that belongs to no server transaction reaches the handler: the ACK for a 2xx, which
 * RFC 3261 §17.1.1.3 and §13.3.1.4 give to the UA core, not to the INVITE transaction. An ACK is
 * never answered, so {@link #respond} refuses.
 */
final class AckTransaction extends AbstractServerTransaction {

    AckTransaction(SipRequest ack, Flow flow) {
        super(ack, flow);
    }

    @Override
    public void respond(SipResponse response) {
        throw new IllegalStateException("An ACK is never answered (RFC 3261 §17)");
    }

    @Override
    public void respond(int status) {
        throw new IllegalStateException("An ACK is never answered (RFC 3261 §17)");
    }

    /** The To tag of the ACK: the one the UAS put into its 2xx. */
    @Override
    public String toTag() {
        return request.to().tag();
    }
}
