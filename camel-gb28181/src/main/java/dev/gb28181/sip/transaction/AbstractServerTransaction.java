package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.transport.Flow;

import java.net.InetSocketAddress;

/**
 * What every {@link ServerTransaction} reports of its request: the request and the flow it arrived on,
 * whose transport and source address a response goes back to (RFC 3261 §18.2.2, RFC 3581 §4).
 */
abstract class AbstractServerTransaction implements ServerTransaction {

    final SipRequest request;
    final Flow flow;

    AbstractServerTransaction(SipRequest request, Flow flow) {
        this.request = request;
        this.flow = flow;
    }

    @Override
    public final SipRequest request() {
        return request;
    }

    @Override
    public final Transport transport() {
        return flow.transport();
    }

    @Override
    public final InetSocketAddress source() {
        return flow.remote();
    }
}
