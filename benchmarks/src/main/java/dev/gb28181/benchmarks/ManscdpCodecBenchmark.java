package dev.gb28181.benchmarks;

import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpException;
import dev.gb28181.manscdp.ManscdpList;
import dev.gb28181.manscdp.ManscdpMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decode and encode throughput of the MANSCDP codec ({@link ManscdpCodec}, Jackson XML on Woodstox) on the
 * MANSCDP bodies of the 2024 capture and on a 1,000-item catalog answer (the size of one part of a large
 * NVR catalog over TCP, GB/T 28181-2016 Annex N), written in GB2312 with Chinese names. See
 * docs/performance.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ManscdpCodecBenchmark {

    private static final Charset GB2312 = Charset.forName("GB2312");

    /** Capture 2024, message 5: the camera's Keepalive. */
    static final String KEEPALIVE = "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\n"
            + "<Notify>\n"
            + "    <CmdType>Keepalive</CmdType>\n"
            + "    <SN>539</SN>\n"
            + "    <DeviceID>34020000001320000002</DeviceID>\n"
            + "    <Status>OK</Status>\n"
            + "</Notify>\n";

    /** Capture 2024, message 9: the camera's one-channel Catalog answer. */
    static final String CATALOG = "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\n"
            + "<Response>\n"
            + "    <CmdType>Catalog</CmdType>\n"
            + "    <SN>7</SN>\n"
            + "    <DeviceID>34020000001320000002</DeviceID>\n"
            + "    <SumNum>1</SumNum>\n"
            + "    <DeviceList Num=\"1\">\n"
            + "        <Item>\n"
            + "            <DeviceID>34020000001310000001</DeviceID>\n"
            + "            <Name>DH71</Name>\n"
            + "            <Manufacturer>Dahua</Manufacturer>\n"
            + "            <Model>DH-SD-6C3230UE-HN</Model>\n"
            + "            <Owner>0</Owner>\n"
            + "            <CivilCode>340200</CivilCode>\n"
            + "            <Address>axy</Address>\n"
            + "            <Parental>0</Parental>\n"
            + "            <ParentID>34020000001320000002</ParentID>\n"
            + "            <RegisterWay>1</RegisterWay>\n"
            + "            <Secrecy>0</Secrecy>\n"
            + "            <StreamNum>2</StreamNum>\n"
            + "            <Status>ON</Status>\n"
            + "            <Info>\n"
            + "                <PTZType>3</PTZType>\n"
            + "                <DownloadSpeed>1/2/4/8</DownloadSpeed>\n"
            + "            </Info>\n"
            + "        </Item>\n"
            + "    </DeviceList>\n"
            + "</Response>\n";

    /** Capture 2024, message 13: the camera's DeviceInfo answer. */
    static final String DEVICEINFO = "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\n"
            + "<Response>\n"
            + "    <CmdType>DeviceInfo</CmdType>\n"
            + "    <SN>9</SN>\n"
            + "    <DeviceID>34020000001320000002</DeviceID>\n"
            + "    <DeviceName>DH-SD-6C3230UE-HN</DeviceName>\n"
            + "    <Result>OK</Result>\n"
            + "    <DeviceType>SD</DeviceType>\n"
            + "    <Manufacturer>Dahua</Manufacturer>\n"
            + "    <Model>DH-SD-6C3230UE-HN</Model>\n"
            + "    <Firmware>2.623.0000000.17.R,2019-01-19</Firmware>\n"
            + "    <MaxCamera>1</MaxCamera>\n"
            + "    <MaxAlarm>2</MaxAlarm>\n"
            + "    <Channel>1</Channel>\n"
            + "    <Port>80</Port>\n"
            + "    <LoginName>admin</LoginName>\n"
            + "    <Password>******</Password>\n"
            + "</Response>\n";

    /** Capture 2024, message 17: the camera's DeviceStatus answer. */
    static final String DEVICESTATUS = "<?xml version=\"1.0\" encoding=\"GB2312\" ?>\n"
            + "<Response>\n"
            + "    <CmdType>DeviceStatus</CmdType>\n"
            + "    <SN>10</SN>\n"
            + "    <DeviceID>34020000001320000002</DeviceID>\n"
            + "    <Result>OK</Result>\n"
            + "    <Online>ONLINE</Online>\n"
            + "    <Status>OK</Status>\n"
            + "    <DeviceTime>2024-05-17T14:24:54</DeviceTime>\n"
            + "    <Encode>ON</Encode>\n"
            + "    <Record>OFF</Record>\n"
            + "    <Alarmstatus Num=\"2\">\n"
            + "        <Item>\n"
            + "            <DeviceID>34020000001340000001</DeviceID>\n"
            + "            <DutyStatus>ONDUTY</DutyStatus>\n"
            + "        </Item>\n"
            + "        <Item>\n"
            + "            <DeviceID>34020000001340000002</DeviceID>\n"
            + "            <DutyStatus>ONDUTY</DutyStatus>\n"
            + "        </Item>\n"
            + "    </Alarmstatus>\n"
            + "</Response>\n";

    /** Capture 2024, message 26: the platform's PTZ DeviceControl. */
    static final String PTZ = "<?xml version=\"1.0\"?>\r\n"
            + "<Control>\r\n"
            + "<CmdType>DeviceControl</CmdType>\r\n"
            + "<SN>16</SN>\r\n"
            + "<DeviceID>34020000001310000001</DeviceID>\r\n"
            + "<PTZCmd>A50F000800640020</PTZCmd>\r\n"
            + "</Control>\r\n";

    /** Capture 2024, message 36: the NVR's two-file RecordInfo answer. */
    static final String RECORDINFO = "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n"
            + "<Response>\n"
            + "<CmdType>RecordInfo</CmdType>\n"
            + "<SN>18</SN>\n"
            + "<DeviceID>34020000001310000001</DeviceID>\n"
            + "<Name>IPCamera 01</Name>\n"
            + "<SumNum>2</SumNum>\n"
            + "<RecordList Num=\"2\">\n"
            + "<Item>\n"
            + "<DeviceID>34020000001310000001</DeviceID>\n"
            + "<Name>IPCamera 01</Name>\n"
            + "<FilePath>1714804996_1714806986</FilePath>\n"
            + "<Address>Address 1</Address>\n"
            + "<StartTime>2024-05-04T14:43:16</StartTime>\n"
            + "<EndTime>2024-05-04T15:16:26</EndTime>\n"
            + "<Secrecy>0</Secrecy>\n"
            + "<Type>time</Type>\n"
            + "</Item>\n"
            + "<Item>\n"
            + "<DeviceID>34020000001310000001</DeviceID>\n"
            + "<Name>IPCamera 01</Name>\n"
            + "<FilePath>1714806986_1714808977</FilePath>\n"
            + "<Address>Address 1</Address>\n"
            + "<StartTime>2024-05-04T15:16:26</StartTime>\n"
            + "<EndTime>2024-05-04T15:49:37</EndTime>\n"
            + "<Secrecy>0</Secrecy>\n"
            + "<Type>time</Type>\n"
            + "</Item>\n"
            + "</RecordList>\n"
            + "</Response>\n"
            + "\n";

    @Param({"keepalive", "catalog", "deviceinfo", "devicestatus", "ptz", "recordinfo", "catalog1000"})
    public String body;

    private ManscdpCodec codec;
    private byte[] bytes;
    private ManscdpMessage message;
    private Charset charset;

    @Setup
    public void setUp() throws ManscdpException {
        codec = new ManscdpCodec(4 * 1024 * 1024);
        bytes = switch (body) {
            case "keepalive" -> KEEPALIVE.getBytes(StandardCharsets.US_ASCII);
            case "catalog" -> CATALOG.getBytes(StandardCharsets.US_ASCII);
            case "deviceinfo" -> DEVICEINFO.getBytes(StandardCharsets.US_ASCII);
            case "devicestatus" -> DEVICESTATUS.getBytes(StandardCharsets.US_ASCII);
            case "ptz" -> PTZ.getBytes(StandardCharsets.US_ASCII);
            case "recordinfo" -> RECORDINFO.getBytes(StandardCharsets.US_ASCII);
            case "catalog1000" -> codec.encode(catalog(1000), GB2312);
            default -> throw new IllegalArgumentException(body);
        };
        ManscdpCodec.Decoded decoded = codec.decode(bytes);
        message = decoded.message();
        charset = decoded.charset();
    }

    /** A catalog answer of {@code n} channels with Chinese names, as an NVR writes it. */
    static CatalogResponse catalog(int n) {
        List<CatalogItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CatalogItem item = new CatalogItem();
            item.setDeviceId(String.format("340200000013%08d", i));
            item.setName("东门通道" + i);
            item.setManufacturer("Hikvision");
            item.setModel("DS-2CD3T46");
            item.setOwner("Owner");
            item.setCivilCode("340200");
            item.setAddress("北京路" + i + "号");
            item.setParental(0);
            item.setParentId("34020000001180000001");
            item.setRegisterWay(1);
            item.setSecrecy(0);
            item.setStatus("ON");
            item.setLongitude(120.15);
            item.setLatitude(30.28);
            item.editInfo().setPtzType(3);
            items.add(item);
        }
        CatalogResponse response = new CatalogResponse();
        response.setSn(17L);
        response.setDeviceId("34020000001180000001");
        response.setSumNum(n);
        response.setDeviceList(new ManscdpList<>(items));
        return response;
    }

    @Benchmark
    public ManscdpCodec.Decoded decode() throws ManscdpException {
        return codec.decode(bytes);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(message, charset);
    }
}
