package dev.gb28181.camel;

import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.manscdp.SplitResponse;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code gb28181:query}: sends a MANSCDP query to a device (GB/T 28181-2016 §9.5, Annex A.2.4; the
 * 2022 additions) and makes its answer the reply; split answers (Catalog, RecordInfo) arrive
 * aggregated (Annex N). The query is a {@link ManscdpQuery} body, else the CamelGb28181CmdType
 * header or the {@code cmd} option with parameters from headers and options.
 *
 * <p>Asynchronous: {@link #process(Exchange, AsyncCallback)} sends and returns, and the exchange
 * continues on the component's reply threads when the answer arrives or the request fails, so no
 * Camel thread waits and no route runs on a SIP I/O thread. Many queries may be in flight to one
 * device; the platform correlates them by SN.
 */
public class Gb28181QueryProducer extends Gb28181Producer {

    public Gb28181QueryProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    /** A wrong {@code cmd} option fails the route's start rather than every exchange. */
    @Override
    protected void doStart() throws Exception {
        if (endpoint.getCmd() != null) {
            ManscdpQueries.create(endpoint.getCmd());
        }
        super.doStart();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String deviceId;
        CompletableFuture<ManscdpMessage> answered;
        try {
            Message in = exchange.getMessage();
            deviceId = Gb28181Exchanges.deviceId(in, endpoint);
            answered = endpoint.getComponent().getPlatform().query(deviceId, query(in));
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback, answered,
                answer -> reply(exchange.getMessage(), deviceId, answer));
    }

    private ManscdpQuery query(Message in) {
        if (in.getBody() instanceof ManscdpQuery typed) {
            return typed;
        }
        String cmd = in.getHeader(Gb28181Constants.CMD_TYPE, endpoint.getCmd(), String.class);
        if (cmd == null) {
            throw new IllegalArgumentException("gb28181:query needs the query to send: the cmd option, the "
                    + Gb28181Constants.CMD_TYPE + " header or a ManscdpQuery body");
        }
        return Gb28181Queries.create(cmd, in, endpoint);
    }

    private static void reply(Message out, String deviceId, ManscdpMessage answer) {
        out.setBody(answer);
        out.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        Gb28181Exchanges.setMessageHeaders(out, deviceId, answer);
        if (answer instanceof SplitResponse<?> split) {
            out.setHeader(Gb28181Constants.SUM_NUM, split.getSumNum());
            out.setHeader(Gb28181Constants.RECEIVED, split.getReceived());
            out.setHeader(Gb28181Constants.COMPLETE, Boolean.TRUE.equals(split.getComplete()));
        }
    }
}
