package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ManscdpReaderTest {

    private static final Charset GB2312 = Charset.forName("GB2312");

    @Test
    void readsTheCapturesKeepalive() throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\r\n<Notify>\r\n    <CmdType>Keepalive</CmdType>\r\n"
                + "    <SN>539</SN>\r\n    <DeviceID>34020000001320000002</DeviceID>\r\n    <Status>OK</Status>\r\n</Notify>\r\n";
        ManscdpHeader h = ManscdpReader.read(body.getBytes(StandardCharsets.US_ASCII));
        assertThat(h).isEqualTo(new ManscdpHeader("Notify", "Keepalive", "539", "34020000001320000002", "OK"));
        assertThat(h.isKeepalive()).isTrue();
    }

    @Test
    void gb2312BodyWithChineseText() throws Exception {
        String text = "<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>DeviceInfo</CmdType><SN>7</SN>"
                + "<DeviceID>34020000001320000002</DeviceID><DeviceName>大门摄像机</DeviceName><Result>OK</Result></Response>";
        byte[] bytes = text.getBytes(GB2312);
        assertThat(ManscdpReader.decode(bytes)).contains("大门摄像机");
        ManscdpHeader h = ManscdpReader.read(bytes);
        assertThat(h.root()).isEqualTo("Response");
        assertThat(h.cmdType()).isEqualTo("DeviceInfo");
        assertThat(h.isKeepalive()).isFalse();
    }

    @Test
    void utf8BodyDeclaringGb2312() throws Exception {
        String text = "<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                + "<DeviceID>34020000001320000002</DeviceID><Status>OK</Status><Info>在线</Info></Notify>";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(ManscdpReader.decode(bytes)).contains("在线");
        assertThat(ManscdpReader.read(bytes).sn()).isEqualTo("1");
    }

    @Test
    void undeclaredGbkFallsBackToGb18030() throws Exception {
        byte[] bytes = "<Notify><CmdType>Alarm</CmdType><SN>3</SN><AlarmDescription>越界告警</AlarmDescription></Notify>"
                .getBytes(Charset.forName("GBK"));
        assertThat(ManscdpReader.decode(bytes)).contains("越界告警");
        assertThat(ManscdpReader.read(bytes).cmdType()).isEqualTo("Alarm");
    }

    @Test
    void brokenXmlAfterTheNeededFieldsIsTolerated() throws Exception {
        byte[] bytes = ("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>7</SN>"
                + "<DeviceID>34020000001320000002</DeviceID><Address>A & B <1></Address></Response>")
                .getBytes(StandardCharsets.UTF_8);
        ManscdpHeader h = ManscdpReader.read(bytes);
        assertThat(h.cmdType()).isEqualTo("Catalog");
        assertThat(h.deviceId()).isEqualTo("34020000001320000002");
    }

    @Test
    void onlyTopLevelFieldsCount() throws Exception {
        byte[] bytes = ("<Response><CmdType>Catalog</CmdType><SN>7</SN><DeviceID>1</DeviceID><DeviceList Num=\"1\">"
                + "<Item><DeviceID>2</DeviceID><Status>ON</Status></Item></DeviceList></Response>")
                .getBytes(StandardCharsets.UTF_8);
        ManscdpHeader h = ManscdpReader.read(bytes);
        assertThat(h.deviceId()).isEqualTo("1");
        assertThat(h.status()).isNull();
    }

    @Test
    void refusesEmptyHugeEntityAndNonXml() {
        assertThatThrownBy(() -> ManscdpReader.read(new byte[0])).isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> ManscdpReader.read(new byte[ManscdpReader.MAX_BODY_BYTES + 1]))
                .isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> ManscdpReader.read("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> ManscdpReader.read("<Notify><SN>1</SN></Notify>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("CmdType");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Notify><CmdType>&x;</CmdType></Notify>";
        assertThatThrownBy(() -> ManscdpReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class);
    }
}
