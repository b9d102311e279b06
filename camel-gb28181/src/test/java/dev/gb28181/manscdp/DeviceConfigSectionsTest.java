package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The configuration sections {@link DeviceConfig} and {@link ConfigDownloadResponse} share (GB/T
 * 28181-2016 Annex A.2.3 and A.2.6, 2022 sections) are written after the message's own elements and in
 * the standard's order, whatever order reflection gives their accessors.
 */
class DeviceConfigSectionsTest {

    private static final String SECTIONS = "<BasicParam><Name>Gate</Name></BasicParam>"
            + "<VideoParamOpt><Resolution>6</Resolution></VideoParamOpt>"
            + "<SVACEncodeConfig><AudioParam><AudioRecognitionFlag>1</AudioRecognitionFlag></AudioParam>"
            + "</SVACEncodeConfig>"
            + "<SVACDecodeConfig><SVCParam><SVCSTMMode>0</SVCSTMMode></SVCParam></SVACDecodeConfig>"
            + "<VideoParamAttribute><StreamNumber>1</StreamNumber></VideoParamAttribute>"
            + "<VideoRecordPlan><RecordEnable>1</RecordEnable></VideoRecordPlan>"
            + "<VideoAlarmRecord><RecordEnable>0</RecordEnable></VideoAlarmRecord>"
            + "<PictureMask><On>0</On></PictureMask>"
            + "<FrameMirror>1</FrameMirror>"
            + "<AlarmReport><MotionDetection>1</MotionDetection></AlarmReport>"
            + "<OSDConfig><Length>1920</Length></OSDConfig>"
            + "<SnapShotConfig><SnapNum>3</SnapNum></SnapShotConfig>";

    private final ManscdpCodec codec = new ManscdpCodec();

    @Test
    void deviceConfigWritesTheSectionsInTheStandardsOrder() throws Exception {
        String xml = "<Control><CmdType>DeviceConfig</CmdType><SN>5</SN><DeviceID>34020000001320000001</DeviceID>"
                + SECTIONS + "</Control>";

        DeviceConfig read = (DeviceConfig) codec.decode(xml.getBytes(StandardCharsets.UTF_8)).message();

        assertThat(read.getBasicParam().getName()).isEqualTo("Gate");
        assertThat(read.getFrameMirror()).isEqualTo("1");
        assertThat(read.getExtensions()).isEmpty();
        assertThat(written(read)).isEqualTo(xml);
    }

    @Test
    void configDownloadResponseWritesResultBeforeTheSections() throws Exception {
        String xml = "<Response><CmdType>ConfigDownload</CmdType><SN>6</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<Result>OK</Result>" + SECTIONS + "</Response>";

        ConfigDownloadResponse read = (ConfigDownloadResponse) codec.decode(xml.getBytes(StandardCharsets.UTF_8))
                .message();

        assertThat(read.getResult()).isEqualTo("OK");
        assertThat(read.getSnapShotConfig().getSnapNum()).isEqualTo(3);
        assertThat(read.getExtensions()).isEmpty();
        assertThat(written(read)).isEqualTo(xml);
    }

    @Test
    void theTwoMessagesKeepTheirOwnValues() {
        DeviceConfig config = new DeviceConfig();
        ConfigDownloadResponse answer = new ConfigDownloadResponse();
        config.setFrameMirror("1");

        assertThat(answer.getFrameMirror()).isNull();
        assertThat(new DeviceConfig().getFrameMirror()).isNull();
        assertThat(config.getFrameMirror()).isEqualTo("1");
    }

    private String written(ManscdpMessage message) {
        String out = new String(codec.encode(message, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return out.substring(out.indexOf('\n') + 1);
    }
}
