package dev.gb28181.benchmarks;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.codec.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Parse and encode throughput of this project's SIP codec against the JAIN-SIP reference implementation
 * ({@code gov.nist} 1.3.0-91), on two messages of the 2024 capture: a camera's first REGISTER and its
 * Keepalive MESSAGE with a 180-byte MANSCDP body. Both parsers validate and type every header they keep.
 * Encoding a parsed message reuses what the parse learnt (the Request-URI's text, header entries known
 * to be ASCII); {@link #encodeOursBuilt()} encodes the same message built header by header through the
 * public API, where every character is checked. Run with {@code -prof gc} for bytes allocated per
 * operation; see docs/performance.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SipCodecBenchmark {

    /** Capture 2024, message 1: the Dahua camera's REGISTER before the challenge. */
    static final String REGISTER = "REGISTER sip:34020000002000000010@192.168.6.106:5062 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.168.6.71:5060;rport;branch=z9hG4bK1251336551\r\n"
            + "Route: <sip:34020000001320000002@192.168.6.106:5062;lr>\r\n"
            + "From: <sip:34020000001320000002@192.168.6.71:5060>;tag=2088733642\r\n"
            + "To: <sip:34020000001320000002@192.168.6.71:5060>\r\n"
            + "Call-ID: 1881196343@192.168.6.71\r\n"
            + "CSeq: 1 REGISTER\r\n"
            + "Contact: <sip:34020000001320000002@192.168.6.71:5060>\r\n"
            + "Max-Forwards: 70\r\n"
            + "User-Agent: SIP UAS V3.0.0.675168\r\n"
            + "Expires: 3600\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    /** Capture 2024, message 5: the camera's Keepalive (padded Content-Length, LF line ends in the body). */
    static final String KEEPALIVE = "MESSAGE sip:34020000002000000010@192.168.6.106:5062 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.168.6.71:5060;rport;branch=z9hG4bK677047196\r\n"
            + "From: <sip:34020000001320000002@192.168.6.71:5060>;tag=1166693770\r\n"
            + "To: <sip:34020000002000000010@192.168.6.106:5062>\r\n"
            + "Call-ID: 632317300@192.168.6.71\r\n"
            + "CSeq: 20 MESSAGE\r\n"
            + "Max-Forwards: 70\r\n"
            + "User-Agent: SIP UAS V3.0.0.675168\r\n"
            + "Content-Type: Application/MANSCDP+xml\r\n"
            + "Content-Length:   180\r\n"
            + "\r\n"
            + "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\n"
            + "<Notify>\n"
            + "    <CmdType>Keepalive</CmdType>\n"
            + "    <SN>539</SN>\n"
            + "    <DeviceID>34020000001320000002</DeviceID>\n"
            + "    <Status>OK</Status>\n"
            + "</Notify>\n";

    @Param({"register", "keepalive"})
    public String message;

    private byte[] bytes;
    private SipMessage ours;
    private SipMessage built;
    private StringMsgParser jainSipParser;
    private SIPMessage jainSip;

    @Setup
    public void setUp() throws ParseException {
        bytes = ("register".equals(message) ? REGISTER : KEEPALIVE).getBytes(StandardCharsets.US_ASCII);
        ours = SipParser.parse(bytes, 0, bytes.length, true);
        SipRequest parsed = (SipRequest) ours;
        built = new SipRequest(parsed.method(), SipUri.parse(parsed.requestUri().toString()));
        for (int i = 0; i < ours.headerCount(); i++) {
            built.addHeader(ours.headerName(i), ours.headerValue(i));
        }
        built.body(ours.body());
        if (!Arrays.equals(SipEncoder.encode(built), SipEncoder.encode(ours))) {
            throw new IllegalStateException("The built " + message + " encodes differently");
        }
        jainSipParser = new StringMsgParser();
        jainSip = jainSipParser.parseSIPMessage(bytes, true, false, null);
        int jainSipBody = jainSip.getRawContent() == null ? 0 : jainSip.getRawContent().length;
        if (!jainSip.getCallId().getCallId().equals(ours.callId()) || jainSipBody != ours.body().length) {
            throw new IllegalStateException("The parsers disagree on " + message);
        }
    }

    @Benchmark
    public SipMessage parseOurs() {
        return SipParser.parse(bytes, 0, bytes.length, true);
    }

    @Benchmark
    public SIPMessage parseJainSip() throws ParseException {
        return jainSipParser.parseSIPMessage(bytes, true, false, null);
    }

    @Benchmark
    public byte[] encodeOurs() {
        return SipEncoder.encode(ours);
    }

    @Benchmark
    public byte[] encodeOursBuilt() {
        return SipEncoder.encode(built);
    }

    @Benchmark
    public byte[] encodeJainSip() {
        return jainSip.encodeAsBytes("UDP");
    }
}
