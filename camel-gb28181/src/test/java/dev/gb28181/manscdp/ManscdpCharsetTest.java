package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Charset detection and writing (GB/T 28181-2016 Annex A prolog; GB2312, GBK, GB18030, UTF-8 in the wild). */
class ManscdpCharsetTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** CJK Extension B, Extension A and a rare name character: none is in GB2312. */
    private static final String RARE = "\uD840\uDC00\u3400\u4DAE";

    private final ManscdpCodec codec = new ManscdpCodec();

    private static String catalog(String encoding, String name) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\r\n<Response><CmdType>Catalog</CmdType><SN>3</SN>"
                + "<DeviceID>34020000001320000001</DeviceID><SumNum>1</SumNum><DeviceList Num=\"1\"><Item>"
                + "<DeviceID>34020000001310000001</DeviceID><Name>" + name + "</Name><Status>ON</Status></Item>"
                + "</DeviceList></Response>";
    }

    private static String name(ManscdpCodec.Decoded decoded) {
        return ((CatalogResponse) decoded.message()).items().get(0).getName();
    }

    @Test
    void gb2312BodyWithChineseNames() throws Exception {
        ManscdpCodec.Decoded d = codec.decode(catalog("GB2312", "大门摄像机").getBytes(GB2312));
        assertThat(name(d)).isEqualTo("大门摄像机");
        assertThat(d.charset()).isEqualTo(GB2312);

        byte[] out = codec.encode(d.message(), d.charset());
        String text = new String(out, GB2312);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>").contains("<Name>大门摄像机</Name>");
        assertThat(out).isEqualTo(text.getBytes(GB2312));
    }

    @Test
    void gb18030BodyWithRareCharactersRoundTrips() throws Exception {
        String name = "张" + RARE + "路口";
        ManscdpCodec.Decoded d = codec.decode(catalog("GB18030", name).getBytes(GB18030));
        assertThat(name(d)).isEqualTo(name);
        assertThat(d.charset()).isEqualTo(GB18030);
        byte[] out = codec.encode(d.message(), d.charset());
        assertThat(new String(out, GB18030)).startsWith("<?xml version=\"1.0\" encoding=\"GB18030\"?>");
        assertThat(name(codec.decode(out))).isEqualTo(name);
    }

    @Test
    void gb2312DeclarationWithGb18030BytesIsReadAndAnsweredInGb18030() throws Exception {
        String name = "䶮" + "镕堃" + RARE;
        ManscdpCodec.Decoded d = codec.decode(catalog("GB2312", name).getBytes(GB18030));
        assertThat(name(d)).isEqualTo(name);
        assertThat(d.charset()).isEqualTo(GB18030);

        byte[] asked = codec.encode(d.message(), GB2312);
        assertThat(new String(asked, GB18030)).startsWith("<?xml version=\"1.0\" encoding=\"GB18030\"?>")
                .contains("<Name>" + name + "</Name>");
        ManscdpCodec.Decoded again = codec.decode(asked);
        assertThat(name(again)).isEqualTo(name);
        assertThat(again.charset()).isEqualTo(GB18030);
    }

    @Test
    void gbkCharactersUnderGb2312DeclarationAreDecoded() throws Exception {
        ManscdpCodec.Decoded d = codec.decode(catalog("GB2312", "朱镕基路").getBytes(GBK));
        assertThat(name(d)).isEqualTo("朱镕基路");
        assertThat(d.charset()).as("镕 is not in GB2312").isEqualTo(GB18030);
    }

    @Test
    void utf8BodyClaimingGb2312() throws Exception {
        String name = "东门" + RARE;
        ManscdpCodec.Decoded d = codec.decode(catalog("GB2312", name).getBytes(StandardCharsets.UTF_8));
        assertThat(name(d)).isEqualTo(name);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] out = codec.encode(d.message(), d.charset());
        assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(name(codec.decode(out))).isEqualTo(name);
    }

    @Test
    void shortGbkTextThatIsAlsoValidUtf8StaysGb() throws Exception {
        // 值 is D6 B5 in GB2312: also the valid UTF-8 sequence of U+05B5
        ManscdpCodec.Decoded d = codec.decode(catalog("GB2312", "值").getBytes(GB2312));
        assertThat(name(d)).isEqualTo("值");
        assertThat(d.charset()).isEqualTo(GB2312);
    }

    @Test
    void undeclaredOrWronglyDeclaredGbkFallsBackToGb18030() throws Exception {
        String body = catalog("GB2312", "越界告警").replace(" encoding=\"GB2312\"", "");
        ManscdpCodec.Decoded undeclared = codec.decode(body.getBytes(GBK));
        assertThat(name(undeclared)).isEqualTo("越界告警");
        assertThat(undeclared.charset()).isEqualTo(GB18030);

        ManscdpCodec.Decoded wrong = codec.decode(catalog("UTF-8", "越界告警").getBytes(GBK));
        assertThat(name(wrong)).isEqualTo("越界告警");
        assertThat(wrong.charset()).isEqualTo(GB18030);
    }

    @Test
    void asciiBodiesReportTheirDeclaration() throws Exception {
        assertThat(codec.decode(catalog("GB2312", "DH71").getBytes(GB2312)).charset()).isEqualTo(GB2312);
        assertThat(codec.decode(catalog("gbk", "DH71").getBytes(GBK)).charset()).isEqualTo(GBK);
        String undeclared = catalog("x", "DH71").replace(" encoding=\"x\"", "");
        assertThat(codec.decode(undeclared.getBytes(StandardCharsets.US_ASCII)).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void encodingChineseInEveryCharset() throws Exception {
        CatalogQuery q = new CatalogQuery();
        q.setSn(1L);
        q.setDeviceId("34020000001320000001");
        q.setExtension("Note", "南门" + RARE);
        for (Charset cs : new Charset[] { GB18030, StandardCharsets.UTF_8 }) {
            byte[] out = codec.encode(q, cs);
            assertThat(new String(out, cs)).startsWith("<?xml version=\"1.0\" encoding=\"" + cs.name() + "\"?>");
            assertThat(codec.decode(out).message().getExtensions()).containsEntry("Note", "南门" + RARE);
        }
    }
}
