package dev.gb28181.sip.codec;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipParseException;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.gb28181.sip.codec.SipTestMessages.assertSameMessage;
import static dev.gb28181.sip.codec.SipTestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bytes and mutations of the capture and RFC 4475 messages: the parser and the framer may only
 * ever throw {@link SipParseException}, and whatever parses must encode and parse again to the same
 * message. Seeds are fixed so a failure reproduces.
 */
class SipParserFuzzTest {

    private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', ':', ',', ';', '"', '\\', '<', '>', '@', '[', ']',
            '=', '/', '?', '%', '0', '9', 0, (byte) 0xFF, (byte) 0xE4, (byte) 0x80, 'v', 'l', 'L'};

    private static final String[] TOKENS = {"\r\n", "\r\n\r\n", "\r\n ", "Content-Length: ", "l: 0", "Via: ",
            "SIP/2.0", "SIP/2.0/UDP ", "CSeq: ", " REGISTER", "<sip:", ">", ";tag=", ";branch=z9hG4bK", "\"", ",",
            "Contact: *", "[2001:db8::1]", ":65536", "99999999999", "-1"};

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String f : SipTestMessages.list("capture-2024", ".sip")) {
            corpus.add(resource("capture-2024/" + f));
        }
        for (String f : SipTestMessages.list("rfc4475", ".dat")) {
            corpus.add(resource("rfc4475/" + f));
        }
        return corpus;
    }

    @Test
    void randomBytes() {
        SplittableRandom random = new SplittableRandom(0x5eed_2811L);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(600)];
            boolean textual = random.nextBoolean();
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = textual ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
            }
            check(bytes);
        }
    }

    @Test
    void mutatedMessages() {
        SplittableRandom random = new SplittableRandom(28181L);
        List<byte[]> corpus = corpus();
        int parsed = 0;
        for (int round = 0; round < 40_000; round++) {
            byte[] bytes = corpus.get(random.nextInt(corpus.size()));
            int mutations = 1 + random.nextInt(4);
            for (int k = 0; k < mutations; k++) {
                bytes = mutate(bytes, random);
            }
            parsed += check(bytes);
        }
        // the mutations must leave many messages valid, or this test exercises only the error paths
        assertThat(parsed).isGreaterThan(4_000);
    }

    /** Parses as datagram and as stream, and frames; returns how many of the parses succeeded. */
    private static int check(byte[] bytes) {
        int ok = 0;
        for (boolean datagram : new boolean[] {true, false}) {
            SipMessage m;
            try {
                m = SipParser.parse(bytes, 0, bytes.length, datagram);
            } catch (SipParseException expected) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("Parser threw " + e + " for " + Arrays.toString(bytes), e);
            }
            ok++;
            byte[] encoded = SipEncoder.encode(m);
            try {
                assertSameMessage(SipParser.parse(encoded, 0, encoded.length, false), m);
            } catch (SipParseException e) {
                throw new AssertionError("Re-parse failed: " + e.getMessage() + " for " + Arrays.toString(bytes), e);
            }
        }
        try {
            SipFraming.messageLength(Unpooled.wrappedBuffer(bytes));
        } catch (SipParseException expected) {
            // a stream that cannot be framed
        } catch (RuntimeException e) {
            throw new AssertionError("Framing threw " + e + " for " + Arrays.toString(bytes), e);
        }
        return ok;
    }

    private static byte[] mutate(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(6)) {
            case 0: { // replace one byte
                byte[] out = in.clone();
                out[at] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
                return out;
            }
            case 1: { // insert a SIP-ish token
                byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] out = new byte[in.length + token.length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(token, 0, out, at, token.length);
                System.arraycopy(in, at, out, at + token.length, in.length - at);
                return out;
            }
            case 2: { // delete a range
                int len = Math.min(in.length - at, 1 + random.nextInt(20));
                byte[] out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, in.length - at - len);
                return out;
            }
            case 3: // truncate
                return Arrays.copyOf(in, at);
            case 4: { // duplicate a range (a repeated header line, say)
                int len = Math.min(in.length - at, 1 + random.nextInt(80));
                byte[] out = new byte[in.length + len];
                System.arraycopy(in, 0, out, 0, at + len);
                System.arraycopy(in, at, out, at + len, in.length - at);
                return out;
            }
            default: { // change letter case
                byte[] out = in.clone();
                out[at] = (byte) (Character.isUpperCase(out[at]) ? Character.toLowerCase(out[at])
                        : Character.toUpperCase(out[at]));
                return out;
            }
        }
    }
}
