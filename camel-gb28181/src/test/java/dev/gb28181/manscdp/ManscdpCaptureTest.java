package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Every MANSCDP body of the 2024 capture (Dahua camera, Hikvision-style NVR, eXosip platform). */
class ManscdpCaptureTest {

    private static final Charset GB2312 = Charset.forName("GB2312");

    private final ManscdpCodec codec = new ManscdpCodec();

    private static byte[] body(String name) throws IOException {
        try (InputStream in = ManscdpCaptureTest.class.getResourceAsStream("/manscdp/capture-" + name + ".xml")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Decodes, checks the charset, encodes back in it and checks the re-decoded message is the same. */
    private <T extends ManscdpMessage> T decode(String name, Class<T> type, Charset charset) throws Exception {
        ManscdpCodec.Decoded decoded = codec.decode(body(name));
        assertThat(decoded.message()).isInstanceOf(type);
        assertThat(decoded.charset()).isEqualTo(charset);
        byte[] encoded = codec.encode(decoded.message(), decoded.charset());
        assertThat(new String(encoded, charset)).startsWith("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>");
        ManscdpCodec.Decoded again = codec.decode(encoded);
        assertThat(again.message()).usingRecursiveComparison().isEqualTo(decoded.message());
        assertThat(again.charset()).isEqualTo(charset);
        return type.cast(decoded.message());
    }

    @Test
    void keepalive() throws Exception {
        KeepaliveNotify m = decode("05-keepalive", KeepaliveNotify.class, GB2312);
        assertThat(m.root()).isEqualTo(ManscdpRoot.NOTIFY);
        assertThat(m.getCmdType()).isEqualTo("Keepalive");
        assertThat(m.getSn()).isEqualTo(539L);
        assertThat(m.getDeviceId()).isEqualTo("34020000001320000002");
        assertThat(m.getStatus()).isEqualTo("OK");
        assertThat(m.getStatusValue()).isEqualTo(OnOff.ON);
        assertThat(m.getExtensions()).isEmpty();
    }

    @Test
    void catalogQueryAndResponse() throws Exception {
        CatalogQuery q = decode("07-catalog-query", CatalogQuery.class, StandardCharsets.UTF_8);
        assertThat(q.getSn()).isEqualTo(7L);
        assertThat(q.getDeviceId()).isEqualTo("34020000001320000002");

        CatalogResponse r = decode("09-catalog-response", CatalogResponse.class, GB2312);
        assertThat(r.getSn()).isEqualTo(7L);
        assertThat(r.getSumNum()).isEqualTo(1);
        assertThat(r.getDeviceList().getNum()).isEqualTo(1);
        assertThat(r.items()).hasSize(1);
        CatalogItem item = r.items().get(0);
        assertThat(item.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(item.getName()).isEqualTo("DH71");
        assertThat(item.getManufacturer()).isEqualTo("Dahua");
        assertThat(item.getModel()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(item.getOwner()).isEqualTo("0");
        assertThat(item.getCivilCode()).isEqualTo("340200");
        assertThat(item.getAddress()).isEqualTo("axy");
        assertThat(item.getParental()).isZero();
        assertThat(item.getParentId()).isEqualTo("34020000001320000002");
        assertThat(item.getRegisterWay()).isEqualTo(1);
        assertThat(item.getSecrecy()).isZero();
        assertThat(item.getStreamNum()).isEqualTo(2);
        assertThat(item.getStatus()).isEqualTo("ON");
        assertThat(item.getStatusValue()).isEqualTo(OnOff.ON);
        assertThat(item.getInfo().getPtzType()).isEqualTo(3);
        assertThat(item.getInfo().getDownloadSpeed()).isEqualTo("1/2/4/8");
        assertThat(item.getExtensions()).isEmpty();
    }

    @Test
    void deviceInfo() throws Exception {
        DeviceInfoQuery q = decode("11-deviceinfo-query", DeviceInfoQuery.class, StandardCharsets.UTF_8);
        assertThat(q.getSn()).isEqualTo(9L);

        DeviceInfoResponse r = decode("13-deviceinfo-response", DeviceInfoResponse.class, GB2312);
        assertThat(r.getDeviceName()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(r.getResult()).isEqualTo("OK");
        assertThat(r.getDeviceType()).isEqualTo("SD");
        assertThat(r.getManufacturer()).isEqualTo("Dahua");
        assertThat(r.getModel()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(r.getFirmware()).isEqualTo("2.623.0000000.17.R,2019-01-19");
        assertThat(r.getMaxCamera()).isEqualTo(1);
        assertThat(r.getMaxAlarm()).isEqualTo(2);
        assertThat(r.getChannel()).isEqualTo(1);
        assertThat(r.getExtensions()).containsEntry("Port", "80").containsEntry("LoginName", "admin")
                .containsEntry("Password", "******");
    }

    @Test
    void deviceStatus() throws Exception {
        DeviceStatusQuery q = decode("15-devicestatus-query", DeviceStatusQuery.class, StandardCharsets.UTF_8);
        assertThat(q.getSn()).isEqualTo(10L);

        DeviceStatusResponse r = decode("17-devicestatus-response", DeviceStatusResponse.class, GB2312);
        assertThat(r.getResult()).isEqualTo("OK");
        assertThat(r.getOnline()).isEqualTo("ONLINE");
        assertThat(r.getOnlineValue()).isEqualTo(OnOff.ON);
        assertThat(r.getStatusValue()).isEqualTo(OnOff.ON);
        assertThat(r.getEncodeValue()).isEqualTo(OnOff.ON);
        assertThat(r.getRecord()).isEqualTo("OFF");
        assertThat(r.getRecordValue()).isEqualTo(OnOff.OFF);
        assertThat(r.getDeviceTime()).isEqualTo(LocalDateTime.of(2024, 5, 17, 14, 24, 54));
        assertThat(r.getAlarmStatus().getNum()).isEqualTo(2);
        assertThat(r.getAlarmStatus().getItems()).extracting(AlarmStatusItem::getDeviceId, AlarmStatusItem::getDutyStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("34020000001340000001", "ONDUTY"),
                        org.assertj.core.groups.Tuple.tuple("34020000001340000002", "ONDUTY"));
    }

    @Test
    void ptzAndFocusControls() throws Exception {
        assertThat(decode("26-ptz-up", DeviceControl.class, StandardCharsets.UTF_8).getPtzCmd()).isEqualTo("A50F000800640020");
        assertThat(decode("28-ptz-stop", DeviceControl.class, StandardCharsets.UTF_8).getPtzCmd()).isEqualTo("A50F0000000000B4");
        DeviceControl focus = decode("30-fi-focus", DeviceControl.class, StandardCharsets.UTF_8);
        assertThat(focus.getPtzCmd()).isEqualTo("A50F004100640059");
        assertThat(focus.getSn()).isEqualTo(24L);
        assertThat(focus.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(decode("32-fi-stop", DeviceControl.class, StandardCharsets.UTF_8).getSn()).isEqualTo(25L);
    }

    @Test
    void recordInfo() throws Exception {
        RecordInfoQuery q = decode("34-recordinfo-query", RecordInfoQuery.class, StandardCharsets.UTF_8);
        assertThat(q.getStartTime()).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0, 0));
        assertThat(q.getEndTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 15, 41, 0));
        assertThat(q.getFilePath()).isEmpty();
        assertThat(q.getAddress()).isEmpty();
        assertThat(q.getRecorderId()).isEmpty();
        assertThat(q.getSecrecy()).isZero();
        assertThat(q.getType()).isEqualTo("all");

        RecordInfoResponse r = decode("36-recordinfo-response", RecordInfoResponse.class, GB2312);
        assertThat(r.getSn()).isEqualTo(18L);
        assertThat(r.getName()).isEqualTo("IPCamera 01");
        assertThat(r.getSumNum()).isEqualTo(2);
        assertThat(r.getRecordList().getNum()).isEqualTo(2);
        assertThat(r.items()).hasSize(2);
        RecordItem first = r.items().get(0);
        assertThat(first.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(first.getName()).isEqualTo("IPCamera 01");
        assertThat(first.getFilePath()).isEqualTo("1714804996_1714806986");
        assertThat(first.getAddress()).isEqualTo("Address 1");
        assertThat(first.getStartTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 14, 43, 16));
        assertThat(first.getEndTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 15, 16, 26));
        assertThat(first.getSecrecy()).isZero();
        assertThat(first.getType()).isEqualTo("time");
        assertThat(r.items().get(1).getEndTime()).isEqualTo(LocalDateTime.of(2024, 5, 4, 15, 49, 37));
    }
}
