package dev.gb28181.sip.transaction;

import dev.gb28181.sip.transport.Flow;
import io.netty.util.Timeout;

/**
 * The Completed state of a non-INVITE server transaction over UDP (RFC 3261 §17.2.2), cut down to
 * what it needs: the encoded final response, sent again for each retransmission of the request
 * until Timer J (64*T1) ends it. Keepalives and other MESSAGEs complete at thousands per second and
 * each waits 32 s here, so the parsed request and response are let go of: this keeps a few hundred
 * bytes per transaction instead of a few KiB.
 */
final class CompletedServerTx implements ServerEntry {

    private final TransactionLayer layer;
    private final String key;
    private final String method;
    private final byte[] finalResponse;
    private final int status;
    private final Flow flow;
    private volatile Timeout timerJ;

    CompletedServerTx(TransactionLayer layer, String key, String method, byte[] finalResponse, int status, Flow flow) {
        this.layer = layer;
        this.key = key;
        this.method = method;
        this.finalResponse = finalResponse;
        this.status = status;
        this.flow = flow;
    }

    void start() {
        timerJ = layer.schedule(t -> terminate(), 64 * layer.t1());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public void onRetransmission() {
        layer.stats().onRetransmissionAbsorbed();
        layer.transport().send(finalResponse, method, status, flow);
        layer.stats().onRetransmissionSent();
    }

    @Override
    public void terminate() {
        TransactionLayer.cancel(timerJ);
        layer.removeServer(this);
    }
}
