package dev.gb28181.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestCredentialsTest {

    @Test
    void readsTheCapturesAuthorization() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"34020000001320000002\", realm=\"34020000\", "
                + "nonce=\"1715926053\", uri=\"sip:34020000002000000010@192.168.6.106:5062\", "
                + "response=\"fa983ee8abd2b6ff36b857c660b06f67\", algorithm=MD5");
        assertThat(c).isNotNull();
        assertThat(c.username()).isEqualTo("34020000001320000002");
        assertThat(c.realm()).isEqualTo("34020000");
        assertThat(c.nonce()).isEqualTo("1715926053");
        assertThat(c.uri()).isEqualTo("sip:34020000002000000010@192.168.6.106:5062");
        assertThat(c.response()).isEqualTo("fa983ee8abd2b6ff36b857c660b06f67");
        assertThat(c.algorithm()).isEqualTo("MD5");
        assertThat(c.qop()).isNull();
        assertThat(c.toString()).doesNotContain("fa983ee8");
    }

    @Test
    void namesAreCaseInsensitiveInAnyOrderQuotedOrNot() {
        DigestCredentials c = DigestCredentials.parse("digest  QOP=\"auth\",NC=0000000A , CNonce=\"a\\\"b,c\","
                + "Response=ABCDEF,URI=\"sip:p@d\",Nonce=n1,Realm=\"r\",UserName=u,opaque=\"x\"");
        assertThat(c).isNotNull();
        assertThat(c.username()).isEqualTo("u");
        assertThat(c.realm()).isEqualTo("r");
        assertThat(c.nonce()).isEqualTo("n1");
        assertThat(c.uri()).isEqualTo("sip:p@d");
        assertThat(c.response()).isEqualTo("ABCDEF");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.cnonce()).isEqualTo("a\"b,c");
        assertThat(c.nonceCount()).isEqualTo(10);
    }

    @Test
    void refusesIncompleteOrForeignHeaders() {
        assertThat(DigestCredentials.parse(null)).isNull();
        assertThat(DigestCredentials.parse("Basic dXNlcjpwYXNz")).isNull();
        assertThat(DigestCredentials.parse("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:a@b\"")).isNull();
        assertThat(DigestCredentials.parse("Digest username=\"u, realm=\"r\"")).isNull();
        assertThat(DigestCredentials.parse("Digest username=\"u\",realm=\"r\",nonce=\"n\",uri=\"s\",response=\"x\","
                + "qop=auth")).isNull();
        assertThat(DigestCredentials.parse("Digest username")).isNull();
        assertThat(DigestCredentials.parse("Digest " + "a=b,".repeat(2000))).isNull();
    }
}
