package dev.gb28181.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.sip.auth.DigestAuthenticator.Outcome;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final NonceStore nonces = new NonceStore(Duration.ofSeconds(30), 1000, clock::get);

    @Test
    void rfc2617Vector() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life", qop=auth
        assertThat(DigestAuthenticator.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void rfc2069VectorWithoutQop() {
        // MD5(MD5("Mufasa:testrealm@host.com:Circle Of Life") ":" nonce ":" MD5("GET:/dir/index.html")), by hand
        assertThat(DigestAuthenticator.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null))
                .isEqualTo("670fd8c2df070c60b045671b8b24ff02");
    }

    @Test
    void captureShapedVectorHashesTheAuthorizationUri() {
        // the capture's Authorization: uri names the platform at its IP, password chosen for the test
        assertThat(DigestAuthenticator.response("34020000001320000002", "34020000", "12345678", "REGISTER",
                "sip:34020000002000000010@192.168.6.106:5062", "1715926053", null, null, null))
                .isEqualTo("3c5e049aea339bb104159d39f652c397");
        assertThat(DigestAuthenticator.response("34020000001320000002", "34020000", "12345678", "REGISTER",
                "sip:34020000002000000010@3402000000", "1715926053", null, null, null))
                .isEqualTo("e2475aa1029c93ce63c8d8de3ee8d280");
    }

    @Test
    void challengeNamesMd5AndOffersQop() {
        String challenge = new DigestAuthenticator("3402000000", true, nonces).challenge(false);
        assertThat(challenge).startsWith("Digest realm=\"3402000000\",nonce=\"").contains(",algorithm=MD5")
                .contains(",qop=\"auth\"").doesNotContain("stale");
        assertThat(nonce(challenge)).matches("[0-9a-f]{32}");
        String plain = new DigestAuthenticator("3402000000", false, nonces).challenge(true);
        assertThat(plain).contains("algorithm=MD5").doesNotContain("qop").endsWith(",stale=true");
        assertThat(nonce(plain)).isNotEqualTo(nonce(challenge));
    }

    @Test
    void acceptsQopAnswerAndRefusesReplayedNonceCount() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", true, nonces);
        String nonce = nonce(auth.challenge(false));
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000001"), "pw")).isEqualTo(Outcome.OK);
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000002"), "pw")).isEqualTo(Outcome.OK);
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000002"), "pw")).isEqualTo(Outcome.REPLAYED);
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000001"), "pw")).isEqualTo(Outcome.REPLAYED);
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "0000000a"), "pw")).isEqualTo(Outcome.OK);
    }

    @Test
    void rfc2069AnswerIsSingleUse() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", false, nonces);
        String nonce = nonce(auth.challenge(false));
        DigestCredentials answer = plainAnswer("34020000001320000002", "pw", nonce, "sip:34020000002000000001@3402000000");
        assertThat(auth.verify("REGISTER", answer, "pw")).isEqualTo(Outcome.OK);
        assertThat(auth.verify("REGISTER", answer, "pw")).isIn(Outcome.REPLAYED, Outcome.CHALLENGE);
        assertThat(nonces.find(nonce)).isNull();
    }

    @Test
    void wrongPasswordIsNotAChallenge() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", true, nonces);
        String nonce = nonce(auth.challenge(false));
        assertThat(auth.verify("REGISTER", qopAnswer("guess", nonce, "00000001"), "pw"))
                .isEqualTo(Outcome.WRONG_PASSWORD);
        DigestCredentials plain = plainAnswer("34020000001320000002", "guess", nonce, "sip:x@y");
        assertThat(auth.verify("REGISTER", plain, "pw")).isEqualTo(Outcome.WRONG_PASSWORD);
        // the wrong guess did not burn the nonce-count of the legitimate client
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000001"), "pw")).isEqualTo(Outcome.OK);
    }

    @Test
    void expiredNonceWithRightPasswordIsStale() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", true, nonces);
        String nonce = nonce(auth.challenge(false));
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000001"), "pw")).isEqualTo(Outcome.STALE);
        assertThat(auth.verify("REGISTER", qopAnswer("bad", nonce, "00000001"), "pw"))
                .isEqualTo(Outcome.WRONG_PASSWORD);
        // after the grace period the nonce is forgotten: a fresh challenge, not stale
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        nonces.purgeExpired();
        assertThat(auth.verify("REGISTER", qopAnswer("pw", nonce, "00000001"), "pw")).isEqualTo(Outcome.CHALLENGE);
    }

    @Test
    void unknownNonceAlgorithmOrQopIsChallengedAfresh() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", true, nonces);
        assertThat(auth.verify("REGISTER", qopAnswer("pw", "00112233445566778899aabbccddeeff", "00000001"), "pw"))
                .isEqualTo(Outcome.CHALLENGE);
        String nonce = nonce(auth.challenge(false));
        DigestCredentials sha = DigestCredentials.parse("Digest username=\"u\",realm=\"r\",nonce=\"" + nonce
                + "\",uri=\"sip:a@b\",response=\"00\",algorithm=SHA-256");
        assertThat(auth.verify("REGISTER", sha, "pw")).isEqualTo(Outcome.CHALLENGE);
        DigestCredentials authInt = DigestCredentials.parse("Digest username=\"u\",realm=\"r\",nonce=\"" + nonce
                + "\",uri=\"sip:a@b\",response=\"00\",qop=auth-int,nc=00000001,cnonce=\"c\"");
        assertThat(auth.verify("REGISTER", authInt, "pw")).isEqualTo(Outcome.CHALLENGE);
    }

    @Test
    void upperCaseHexResponseIsAccepted() {
        DigestAuthenticator auth = new DigestAuthenticator("3402000000", false, nonces);
        String nonce = nonce(auth.challenge(false));
        String response = DigestAuthenticator.response("dev", "3402000000", "pw", "REGISTER", "sip:p@d", nonce, null,
                null, null).toUpperCase();
        DigestCredentials answer = DigestCredentials.parse("Digest username=\"dev\",realm=\"3402000000\",nonce=\""
                + nonce + "\",uri=\"sip:p@d\",response=\"" + response + "\"");
        assertThat(auth.verify("REGISTER", answer, "pw")).isEqualTo(Outcome.OK);
    }

    @Test
    void nonceStoreIsBounded() {
        NonceStore small = new NonceStore(Duration.ofSeconds(30), 3, clock::get);
        String first = small.issue();
        small.issue();
        small.issue();
        small.issue();
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.find(first)).isNull();
    }

    private DigestCredentials qopAnswer(String password, String nonce, String nc) {
        String uri = "sip:34020000002000000001@3402000000";
        String response = DigestAuthenticator.response("34020000001320000002", "3402000000", password, "REGISTER", uri,
                nonce, "auth", nc, "c0ffee");
        return DigestCredentials.parse("Digest username=\"34020000001320000002\", realm=\"3402000000\", nonce=\""
                + nonce + "\", uri=\"" + uri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"c0ffee\"");
    }

    private static DigestCredentials plainAnswer(String user, String password, String nonce, String uri) {
        String response = DigestAuthenticator.response(user, "3402000000", password, "REGISTER", uri, nonce, null, null,
                null);
        return DigestCredentials.parse("Digest username=\"" + user + "\",realm=\"3402000000\",nonce=\"" + nonce
                + "\",uri=\"" + uri + "\",response=\"" + response + "\",algorithm=MD5");
    }

    static String nonce(String challenge) {
        Matcher m = NONCE.matcher(challenge);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
