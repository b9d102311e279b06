package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.gb28181.sip.codec.SipTestMessages.assertSameMessage;
import static dev.gb28181.sip.codec.SipTestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The RFC 4475 torture messages (src/test/resources/rfc4475, see its README) parsed as UDP datagrams.
 *
 * <p>Every file has one expected outcome below: it parses (§3.1.1 valid messages, and the syntactically
 * valid §3.2, §3.3 and §3.4 ones), or it is refused with an answerable {@link SipBadRequestException}
 * (status and reason given), or with a plain {@link SipParseException} when it is a response or carries
 * nothing to answer with. Nothing else may escape.
 */
class Rfc4475Test {

    private static final Map<String, Outcome> EXPECTED = new TreeMap<>();

    static {
        // §3.1.1 valid messages
        for (String name : List.of("wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq",
                "semiuri", "transports", "mpart01", "unreason", "noreason")) {
            EXPECTED.put(name, Outcome.PARSES);
        }
        // §3.2 and §3.3: transaction and application layer oddities are syntactically valid, §3.4 too
        for (String name : List.of("badbranch", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "bcast",
                "zeromf", "cparam01", "cparam02", "regescrt", "sdp01", "inv2543")) {
            EXPECTED.put(name, Outcome.PARSES);
        }
        // §3.3.1 insuf, §3.3.8 multi01, §3.3.9 mcl01 parse as syntax, but the RFC asks for a 400 (missing or
        // duplicated required headers, conflicting framing): the parser gives that 400 itself.
        EXPECTED.put("insuf", Outcome.badRequest(400, "Missing From"));
        EXPECTED.put("multi01", Outcome.badRequest(400, "Duplicate From"));
        EXPECTED.put("mcl01", Outcome.badRequest(400, "Conflicting Content-Length values"));

        // §3.1.2 invalid messages
        EXPECTED.put("badinv01", Outcome.badRequest(400, "Malformed Via"));
        EXPECTED.put("clerr", Outcome.badRequest(400, "Content-Length larger than the message"));
        EXPECTED.put("ncl", Outcome.badRequest(400, "Malformed Content-Length"));
        EXPECTED.put("scalar02", Outcome.badRequest(400, "Malformed CSeq"));
        EXPECTED.put("scalarlg", Outcome.UNANSWERABLE); // a response: CSeq beyond 2^31
        EXPECTED.put("quotbal", Outcome.badRequest(400, "Malformed To"));
        EXPECTED.put("ltgtruri", Outcome.badRequest(400, "Malformed Request-URI"));
        EXPECTED.put("lwsruri", Outcome.badRequest(400, "Malformed request line"));
        EXPECTED.put("escruri", Outcome.badRequest(400, "Request-URI with headers"));
        EXPECTED.put("regbadct", Outcome.badRequest(400, "Malformed Contact"));
        EXPECTED.put("badvers", Outcome.badRequest(505, "SIP version not supported"));
        EXPECTED.put("mismatch01", Outcome.badRequest(400, "CSeq method does not match the request method"));
        EXPECTED.put("mismatch02", Outcome.badRequest(400, "CSeq method does not match the request method"));
        EXPECTED.put("bigcode", Outcome.UNANSWERABLE); // a response with a 10-digit status code

        // §3.1.2 messages accepted by design. RFC 4475 lets a liberal receiver take them, and GB/T 28181
        // devices are not strict writers:
        // §3.1.2.9 lwsstart and §3.1.2.10 trws: extra SP in the request line ("may ignore the extra SP").
        EXPECTED.put("lwsstart", Outcome.PARSES);
        EXPECTED.put("trws", Outcome.PARSES);
        // §3.1.2.12 baddate: Date is never interpreted, since GB/T 28181-2016 §9.1.2.1 itself writes
        // "Date: 2024-05-17T14:07:33.232", which is no RFC 1123 date either.
        EXPECTED.put("baddate", Outcome.PARSES);
        // §3.1.2.14 badaspec: blanks inside <...> ("may ignore the spaces"), the URI is unambiguous.
        EXPECTED.put("badaspec", Outcome.PARSES);
        // §3.1.2.15 baddn: an unquoted display name with commas ("may infer the missing quotes"); GB/T 28181
        // identifies peers by the URI's 20-digit ID and never by the display name. The file also lacks the
        // final empty line; a datagram's end ends its header section.
        EXPECTED.put("baddn", Outcome.PARSES);

        // files of the npm package that are not RFC 4475 messages
        EXPECTED.put("badcseq", Outcome.badRequest(400, "Malformed CSeq"));
        EXPECTED.put("baddn_sep", Outcome.UNANSWERABLE); // a lone CRLF
        EXPECTED.put("test", Outcome.UNANSWERABLE); // request line without version, no Via to answer to
    }

    static List<String> files() {
        return SipTestMessages.list("rfc4475", ".dat");
    }

    @Test
    void everyFileHasAnExpectedOutcome() {
        assertThat(files()).hasSize(52);
        assertThat(files()).allSatisfy(f -> assertThat(EXPECTED).containsKey(f.replace(".dat", "")));
    }

    @ParameterizedTest
    @MethodSource("files")
    void outcomeAsClassified(String file) {
        Outcome expected = EXPECTED.get(file.replace(".dat", ""));
        byte[] raw = resource("rfc4475/" + file);
        if (expected.kind == Kind.PARSES) {
            SipMessage m = SipParser.parse(raw, 0, raw.length, true);
            assertThat(m.vias()).isNotEmpty();
            assertThat(m.cseq()).isNotNull();
            byte[] encoded = SipEncoder.encode(m);
            assertSameMessage(SipParser.parse(encoded, 0, encoded.length, false), m);
            return;
        }
        Throwable thrown = catchThrowable(() -> SipParser.parse(raw, 0, raw.length, true));
        if (expected.kind == Kind.UNANSWERABLE) {
            assertThat(thrown).isExactlyInstanceOf(SipParseException.class);
            return;
        }
        assertThat(thrown).isInstanceOfSatisfying(SipBadRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(expected.status);
            assertThat(e.reason()).isEqualTo(expected.reason);
            SipRequest partial = e.partial();
            assertThat(partial.headers(HeaderNames.VIA)).isNotEmpty();
            SipResponse answer = partial.createResponse(e.status(), e.reason(), "rfc4475");
            byte[] encoded = SipEncoder.encode(answer);
            assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("SIP/2.0 " + e.status() + " " + e.reason() + "\r\nVia: ");
        });
    }

    @Test
    void wsinvUnfoldsLinesAndSplitsTheViaList() {
        SipRequest m = parse("wsinv");
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.to().tag()).isEqualTo("1918181833n");
        assertThat(m.from().tag()).isEqualTo("98asjd8");
        assertThat(m.from().displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        assertThat(m.cseq().seq()).isEqualTo(9);
        assertThat(m.cseq().method()).isEqualTo("INVITE");
        assertThat(m.vias()).hasSize(3);
        assertThat(m.vias().get(0).host()).isEqualTo("192.0.2.2");
        assertThat(m.vias().get(1).transport()).isEqualTo("TCP");
        assertThat(m.vias().get(1).branch()).isEqualTo("z9hG4bK9ikj8");
        assertThat(m.vias().get(2).branch()).isEqualTo("z9hG4bK30239");
        assertThat(m.header("NewFangledHeader")).isEqualTo("newfangled value continued newfangled value");
        assertThat(m.header(HeaderNames.SUBJECT)).isEmpty();
        assertThat(m.header("UnknownHeaderWithUnusualValue")).isEqualTo(";;,,;;,;");
        assertThat(m.header(HeaderNames.MAX_FORWARDS)).isEqualTo("0068");
        assertThat(m.body()).hasSize(150);
    }

    @Test
    void intmethKeepsUnusualTokensQuotedControlsAndUtf8() {
        SipRequest m = parse("intmeth");
        assertThat(m.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(m.requestUri().user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(m.requestUri().host()).isEqualTo("example.com");
        assertThat(m.to().displayName()).contains("NUL:\\\u0000");
        assertThat(m.from().param("fromParam''~+*_!.-%")).isEqualTo("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"");
        assertThat(m.header("extensionHeader-!.%*+_`'~")).isEqualTo("\uFEFF\u5927\u505C\u96FB");
        assertThat(m.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
    }

    @Test
    void dblreqIgnoresTheSecondRequestInTheDatagram() {
        SipRequest m = parse("dblreq");
        assertThat(m.method()).isEqualTo("REGISTER");
        assertThat(m.callId()).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
        assertThat(m.body()).isEmpty();
    }

    @Test
    void compactFormsAndListsOfLongreqAndSemiuriAndEsc02() {
        SipRequest longreq = parse("longreq");
        assertThat(longreq.vias()).hasSize(34);
        assertThat(longreq.headers(HeaderNames.FROM)).hasSize(1);
        SipRequest semiuri = parse("semiuri");
        assertThat(semiuri.requestUri().user()).isEqualTo("user;par=u%40example.net");
        assertThat(semiuri.headers(HeaderNames.ACCEPT)).containsExactly("application/sdp", "application/pkcs7-mime",
                "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag");
        SipRequest esc02 = parse("esc02");
        assertThat(esc02.method()).isEqualTo("RE%47IST%45R");
        assertThat(esc02.headers(HeaderNames.CONTACT)).hasSize(2);
        assertThat(esc02.header("C%6Fntact")).isEqualTo("<sip:alias2@host2.example.com>");
    }

    @Test
    void responsesWithoutOrWithUnusualReasonPhrase() {
        SipResponse noreason = (SipResponse) parseAny("noreason");
        assertThat(noreason.status()).isEqualTo(100);
        assertThat(noreason.reason()).isEmpty();
        SipResponse unreason = (SipResponse) parseAny("unreason");
        assertThat(unreason.reason()).startsWith("= 2**3 * 5**2 \u043d\u043e ");
    }

    @Test
    void inv2543BodyIsTheRestOfTheDatagram() {
        SipRequest m = parse("inv2543");
        assertThat(m.hasHeader(HeaderNames.MAX_FORWARDS)).isFalse();
        assertThat(m.topVia().branch()).isNull();
        assertThat(m.bodyAsString()).startsWith("v=0\r\n").endsWith("m=audio 49217 RTP/AVP 0\r\n");
    }

    @Test
    void badversIsAnswered505() {
        byte[] raw = resource("rfc4475/badvers.dat");
        assertThatThrownBy(() -> SipParser.parse(raw, 0, raw.length, true))
                .isInstanceOfSatisfying(SipBadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(505);
                    assertThat(e.partial().method()).isEqualTo("OPTIONS");
                    assertThat(e.partial().requestUri().toString()).isEqualTo("sip:t.watson@example.org");
                });
    }

    private static SipRequest parse(String name) {
        return (SipRequest) parseAny(name);
    }

    private static SipMessage parseAny(String name) {
        byte[] raw = resource("rfc4475/" + name + ".dat");
        return SipParser.parse(raw, 0, raw.length, true);
    }

    private enum Kind { PARSES, BAD_REQUEST, UNANSWERABLE }

    private static final class Outcome {
        static final Outcome PARSES = new Outcome(Kind.PARSES, 0, null);
        static final Outcome UNANSWERABLE = new Outcome(Kind.UNANSWERABLE, 0, null);

        final Kind kind;
        final int status;
        final String reason;

        private Outcome(Kind kind, int status, String reason) {
            this.kind = kind;
            this.status = status;
            this.reason = reason;
        }

        static Outcome badRequest(int status, String reason) {
            return new Outcome(Kind.BAD_REQUEST, status, reason);
        }
    }
}
