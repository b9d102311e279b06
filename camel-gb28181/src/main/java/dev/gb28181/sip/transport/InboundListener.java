package dev.gb28181.sip.transport;

import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;

/**
 * What the transport layer hands up: well-formed messages whose Via, CSeq, Call-ID, From and To
 * have been parsed (RFC 3261 §18.3, §8.2.1). Called on a Netty I/O thread; implementations must not
 * block it.
 */
public interface InboundListener {

    void onRequest(SipRequest request, Flow flow);

    void onResponse(SipResponse response, Flow flow);
}
