package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Messages as JSON from a plain mapper (what camel-jackson's default {@code marshal().json()} uses):
 * camelCase names, {@code eventType}, ISO-8601 times; and none of the JSON-only properties in XML.
 */
class ManscdpJsonTest {

    private final ManscdpCodec codec = new ManscdpCodec();

    private ManscdpMessage capture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/manscdp/capture-" + name + ".xml")) {
            return codec.decode(in.readAllBytes()).message();
        }
    }

    @Test
    void decodedCatalogAsJson() throws Exception {
        for (ObjectMapper mapper : new ObjectMapper[] { new ObjectMapper(), JsonMapper.builder().findAndAddModules().build() }) {
            String json = mapper.writeValueAsString(capture("09-catalog-response"));
            assertThat(json).contains("\"cmdType\":\"Catalog\"", "\"sn\":7", "\"deviceId\":\"34020000001320000002\"",
                    "\"eventType\":\"CATALOG\"", "\"sumNum\":1", "\"deviceList\":{\"num\":1,\"items\":[{",
                    "\"name\":\"DH71\"", "\"parentId\":\"34020000001320000002\"", "\"status\":\"ON\"",
                    "\"statusValue\":\"ON\"", "\"info\":{\"ptzType\":3,\"downloadSpeed\":\"1/2/4/8\"}")
                    .doesNotContain("\"CmdType\"", "\"DeviceID\"", "\"SN\"", "null");
        }
    }

    @Test
    void timesAreIso8601() throws Exception {
        String json = new ObjectMapper().writeValueAsString(capture("36-recordinfo-response"));
        assertThat(json).contains("\"eventType\":\"RECORD_INFO\"", "\"startTime\":\"2024-05-04T14:43:16\"",
                "\"endTime\":\"2024-05-04T15:16:26\"", "\"recordList\":{\"num\":2");
    }

    @Test
    void aggregatedAnswerShowsCompleteAndReceivedInJsonOnly() throws Exception {
        CatalogResponse part = (CatalogResponse) capture("09-catalog-response");
        CatalogResponse all = (CatalogResponse) part.aggregate(part.items(), false, 1);
        assertThat(new ObjectMapper().writeValueAsString(all)).contains("\"complete\":false", "\"received\":1");
        String xml = new String(codec.encode(all, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("omplete", "eceived", "eventType", "EventType", "statusValue", "StatusValue")
                .contains("<Status>ON</Status>");
    }

    @Test
    void jsonOfAQueryReadsBack() throws Exception {
        RecordInfoQuery q = (RecordInfoQuery) capture("34-recordinfo-query");
        ObjectMapper mapper = new ObjectMapper();
        RecordInfoQuery back = mapper.readValue(mapper.writeValueAsString(q), RecordInfoQuery.class);
        assertThat(back).usingRecursiveComparison().isEqualTo(q);
    }

    @ParameterizedTest
    @CsvSource({ "Catalog,CATALOG", "DeviceInfo,DEVICE_INFO", "Alarm,ALARM", "MobilePosition,MOBILE_POSITION",
            "MediaStatus,MEDIA_STATUS", "FooBar,FOO_BAR", "PTZPosition,PTZ_POSITION", "SDCardStatus,SD_CARD_STATUS",
            "HomePositionQuery,HOME_POSITION_QUERY", "UploadSnapShotFinished,UPLOAD_SNAP_SHOT_FINISHED",
            "Keepalive,KEEPALIVE" })
    void eventTypeIsUpperSnake(String cmdType, String eventType) {
        assertThat(new GenericManscdpMessage(ManscdpRoot.NOTIFY, cmdType).getEventType()).isEqualTo(eventType);
    }
}
