package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What real devices send that strict XML binding would refuse or lose, and what must be refused. */
class ManscdpRepairTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final ManscdpCodec codec = new ManscdpCodec();

    private ManscdpMessage decode(String xml) throws ManscdpException {
        return codec.decode(xml.getBytes(StandardCharsets.UTF_8)).message();
    }

    private ManscdpMessage reencoded(ManscdpMessage m) throws ManscdpException {
        return codec.decode(codec.encode(m, StandardCharsets.UTF_8)).message();
    }

    private static String catalogItem(String itemXml) {
        return HEAD + "<Response><CmdType>Catalog</CmdType><SN>7</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item>" + itemXml + "</Item></DeviceList></Response>";
    }

    private CatalogItem item(String itemXml) throws ManscdpException {
        return ((CatalogResponse) decode(catalogItem(itemXml))).items().get(0);
    }

    @Test
    void unescapedAmpersandAndLessThanInText() throws Exception {
        CatalogItem item = item("<DeviceID>1</DeviceID><Address>A & B <1号楼> &amp; &#x41; &lt;</Address><Name>x&y</Name>");
        assertThat(item.getAddress()).isEqualTo("A & B <1号楼> & A <");
        assertThat(item.getName()).isEqualTo("x&y");
        CatalogResponse again = (CatalogResponse) reencoded(decode(catalogItem(
                "<Address>A & B <1号楼></Address>")));
        assertThat(again.items().get(0).getAddress()).isEqualTo("A & B <1号楼>");
    }

    @Test
    void infoFieldsAtTopLevelAndItemFieldsUnderInfoLandInOnePlace() throws Exception {
        CatalogItem top = item("<DeviceID>1</DeviceID><PTZType>1</PTZType><BusinessGroupID>34020000002150000001</BusinessGroupID>"
                + "<DownloadSpeed>1/2</DownloadSpeed>");
        assertThat(top.getInfo().getPtzType()).isEqualTo(1);
        assertThat(top.getInfo().getBusinessGroupId()).isEqualTo("34020000002150000001");
        assertThat(top.getInfo().getDownloadSpeed()).isEqualTo("1/2");

        CatalogItem under = item("<DeviceID>1</DeviceID><PTZType>2</PTZType><Info><Name>东门</Name><Status>On</Status>"
                + "<Resolution>6/4</Resolution><VendorFlag>9</VendorFlag></Info>");
        assertThat(under.getName()).isEqualTo("东门");
        assertThat(under.getStatusValue()).isEqualTo(OnOff.ON);
        assertThat(under.getInfo().getPtzType()).isEqualTo(2);
        assertThat(under.getInfo().getResolution()).isEqualTo("6/4");
        assertThat(under.getInfo().getExtensions()).containsOnly(Map.entry("VendorFlag", "9"));
        assertThat(under.getExtensions()).isEmpty();

        String xml = new String(codec.encode(decode(catalogItem("<PTZType>2</PTZType><Info><VendorFlag>9</VendorFlag></Info>")),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Info><PTZType>2</PTZType><VendorFlag>9</VendorFlag></Info>");
    }

    @ParameterizedTest
    @CsvSource({ "ON,ON", "On,ON", "ONLINE,ON", "OK,ON", "on,ON", "OFF,OFF", "OFFLINE,OFF", "Off,OFF" })
    void statusWordsAreNormalisedAndKept(String raw, OnOff normalised) throws Exception {
        CatalogItem item = item("<DeviceID>1</DeviceID><Status>" + raw + "</Status>");
        assertThat(item.getStatus()).isEqualTo(raw);
        assertThat(item.getStatusValue()).isEqualTo(normalised);
        assertThat(((CatalogResponse) reencoded(decode(catalogItem("<Status>" + raw + "</Status>")))).items().get(0)
                .getStatus()).isEqualTo(raw);
    }

    @Test
    void unknownStatusWordIsKeptWithoutValue() throws Exception {
        CatalogItem item = item("<Status>VLOST</Status>");
        assertThat(item.getStatus()).isEqualTo("VLOST");
        assertThat(item.getStatusValue()).isNull();
    }

    @ParameterizedTest
    @CsvSource({ "2024-5-4T9:03:07", "2024-05-04T09:03:07", "2024-05-04T09:03:07+08:00", "2024-05-04T09:03:07Z",
            "2024-05-04 09:03:07", "2024-05-04T09:03:07+0800", " 2024-05-04T09:03:07 " })
    void lenientTimes(String raw) throws Exception {
        assertThat(item("<EndTime>" + raw + "</EndTime>").getEndTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 9, 3, 7));
    }

    @Test
    void millisecondsAreKept() throws Exception {
        CatalogItem item = item("<EndTime>2024-05-04T09:03:07.123</EndTime>");
        assertThat(item.getEndTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 9, 3, 7, 123_000_000));
        assertThat(new String(codec.encode(decode(catalogItem("<EndTime>2024-05-04T09:03:07.123+08:00</EndTime>")),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("<EndTime>2024-05-04T09:03:07.123</EndTime>");
    }

    @Test
    void unreadableValuesAreKeptAsRawTextAndTheMessageSurvives() throws Exception {
        CatalogItem item = item("<DeviceID>1</DeviceID><EndTime>yesterday</EndTime><Port>n/a</Port><Name>门</Name>");
        assertThat(item.getEndTime()).isNull();
        assertThat(item.getPort()).isNull();
        assertThat(item.getName()).isEqualTo("门");
        assertThat(item.getExtensions()).containsEntry("EndTime", "yesterday").containsEntry("Port", "n/a");
        String xml = new String(codec.encode(decode(catalogItem("<EndTime>yesterday</EndTime>")), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("<EndTime>yesterday</EndTime>");

        DeviceStatusResponse status = (DeviceStatusResponse) decode(HEAD + "<Response><CmdType>DeviceStatus</CmdType>"
                + "<SN>1</SN><DeviceTime>2024/05/04</DeviceTime><Result>OK</Result></Response>");
        assertThat(status.getResult()).isEqualTo("OK");
        assertThat(status.getExtensions()).containsEntry("DeviceTime", "2024/05/04");
    }

    @Test
    void textWhereAStructureWasExpectedIsKept() throws Exception {
        String xml = HEAD + "<Control><CmdType>DeviceControl</CmdType><SN>5</SN><DeviceID>1</DeviceID>"
                + "<HomePosition>1</HomePosition><TeleBoot>Boot</TeleBoot></Control>";
        DeviceControl control = (DeviceControl) decode(xml);
        assertThat(control.getHomePosition()).isNull();
        assertThat(control.getTeleBoot()).isEqualTo("Boot");
        assertThat(control.getExtensions()).containsEntry("HomePosition", "1");
    }

    @Test
    void iFameCmdAndIFrameCmdAreTheSameCommand() throws Exception {
        String body = HEAD + "<Control><CmdType>DeviceControl</CmdType><SN>5</SN><DeviceID>34020000001310000001</DeviceID>"
                + "<%s>Send</%s></Control>";
        DeviceControl wvp = (DeviceControl) decode(body.formatted("IFameCmd", "IFameCmd"));
        DeviceControl standard = (DeviceControl) decode(body.formatted("IFrameCmd", "IFrameCmd"));
        assertThat(wvp.getIframeCmd()).isEqualTo("Send");
        assertThat(standard.getIframeCmd()).isEqualTo("Send");
        assertThat(wvp.getExtensions()).isEmpty();
        assertThat(new String(codec.encode(wvp, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("<IFrameCmd>Send</IFrameCmd>").doesNotContain("IFame");
    }

    @Test
    void dahuaSerialNumberAsParentId() throws Exception {
        assertThat(item("<DeviceID>34020000001310000001</DeviceID><ParentID>6C0B57APAZ6B8F2</ParentID>").getParentId())
                .isEqualTo("6C0B57APAZ6B8F2");
    }

    @Test
    void unknownElementsAreKeptAndWrittenBack() throws Exception {
        String xml = HEAD + "<Response><CmdType>DeviceInfo</CmdType><SN>9</SN><DeviceID>1</DeviceID>"
                + "<DeviceName>门</DeviceName><Vendor><Model>X</Model><Port>1</Port><Port>2</Port></Vendor>"
                + "<Flag>a</Flag><Flag>b</Flag></Response>";
        DeviceInfoResponse m = (DeviceInfoResponse) decode(xml);
        assertThat(m.getDeviceName()).isEqualTo("门");
        assertThat(m.getExtensions()).containsEntry("Flag", List.of("a", "b"))
                .containsEntry("Vendor", Map.of("Model", "X", "Port", List.of("1", "2")));
        String out = new String(codec.encode(m, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(out).contains("<Vendor><Model>X</Model><Port>1</Port><Port>2</Port></Vendor>")
                .contains("<Flag>a</Flag><Flag>b</Flag>");
        assertThat(reencoded(m)).usingRecursiveComparison().isEqualTo(m);
    }

    @Test
    void unknownCmdTypeGivesAGenericMessage() throws Exception {
        String xml = HEAD + "<Notify><CmdType>FooBar</CmdType><SN>12</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<Level>3</Level><Detail><Text>东</Text></Detail></Notify>";
        ManscdpMessage m = decode(xml);
        assertThat(m).isInstanceOf(GenericManscdpMessage.class);
        assertThat(m.root()).isEqualTo(ManscdpRoot.NOTIFY);
        assertThat(m.getCmdType()).isEqualTo("FooBar");
        assertThat(m.getEventType()).isEqualTo("FOO_BAR");
        assertThat(m.getSn()).isEqualTo(12L);
        assertThat(m.getExtensions()).containsEntry("Level", "3").containsEntry("Detail", Map.of("Text", "东"));
        String out = new String(codec.encode(m, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(out).contains("<Notify><CmdType>FooBar</CmdType><SN>12</SN>").contains("<Detail><Text>东</Text></Detail>");
        assertThat(reencoded(m)).usingRecursiveComparison().isEqualTo(m);

        ManscdpMessage misplaced = decode(HEAD + "<Notify><CmdType>DeviceInfo</CmdType><SN>1</SN></Notify>");
        assertThat(misplaced).isInstanceOf(GenericManscdpMessage.class);
        assertThat(misplaced.root()).isEqualTo(ManscdpRoot.NOTIFY);
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Info>&x;</Info></Notify>";
        assertThatThrownBy(() -> decode(xxe)).isInstanceOf(ManscdpException.class).hasMessageContaining("document type");
        String bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<Notify><CmdType>Keepalive</CmdType><SN>&lol2;</SN></Notify>";
        assertThatThrownBy(() -> decode(bomb)).isInstanceOf(ManscdpException.class);
        ManscdpMessage undeclared = decode("<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Info>&x; &nbsp;</Info></Notify>");
        assertThat(undeclared.getExtensions()).as("no DTD: no entity but the predefined ones")
                .containsEntry("Info", "&x; &nbsp;");
    }

    @Test
    void oversizedEmptyAndNonManscdpBodiesAreRefused() {
        ManscdpCodec small = new ManscdpCodec(100);
        byte[] big = catalogItem("<Name>" + "x".repeat(100) + "</Name>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.decode(big)).isInstanceOf(ManscdpException.class).hasMessageContaining("limit of 100");
        assertThatThrownBy(() -> codec.decode(new byte[ManscdpCodec.DEFAULT_MAX_BODY_BYTES + 1]))
                .isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> decode("hello")).isInstanceOf(ManscdpException.class).hasMessageContaining("root");
        assertThatThrownBy(() -> decode("<Notify><SN>1</SN></Notify>")).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("CmdType");
        assertThatThrownBy(() -> decode("<Hello><CmdType>Keepalive</CmdType></Hello>")).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("Hello");
        assertThatThrownBy(() -> decode("<Notify><CmdType>Keepalive</CmdType><SN>1</SN>")).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("Keepalive");
        assertThatThrownBy(() -> new ManscdpCodec(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenThousandItemCatalog() throws Exception {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            CatalogItem item = new CatalogItem();
            item.setDeviceId(String.format("340200000013%08d", i));
            item.setName("通道" + i);
            item.setParentId("34020000001320000001");
            item.setStatus(i % 2 == 0 ? "ON" : "OFF");
            item.setLongitude(120.0 + i / 10_000.0);
            item.editInfo().setPtzType(i % 4);
            items.add(item);
        }
        CatalogResponse response = new CatalogResponse();
        response.setSn(8L);
        response.setDeviceId("34020000001320000001");
        response.setSumNum(items.size());
        response.setDeviceList(new ManscdpList<>(items));

        ManscdpCodec large = new ManscdpCodec(8 * 1024 * 1024);
        byte[] xml = large.encode(response, java.nio.charset.Charset.forName("GB2312"));
        CatalogResponse decoded = (CatalogResponse) large.decode(xml).message();
        assertThat(decoded.getDeviceList().getNum()).isEqualTo(10_000);
        assertThat(decoded.items()).hasSize(10_000).isEqualTo(items);
        assertThat(decoded.items().get(9_999).getName()).isEqualTo("通道9999");
    }
}
