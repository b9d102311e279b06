package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.AlarmNotify;
import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.GenericManscdpMessage;
import dev.gb28181.manscdp.ManscdpCodec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The new events as a default Jackson mapper writes them: camelCase, ISO-8601 timestamp, typed bodies inside. */
class PlatformEventJsonTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final String DEVICE = "34020000001320000001";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void catalogEvent() throws Exception {
        CatalogItem item = new CatalogItem();
        item.setDeviceId("34020000001310000001");
        item.setName("大门");
        item.setEvent("ADD");
        String text = json.writeValueAsString(new CatalogEvent(DEVICE, CatalogEvent.CATALOG, AT, 7L, 1, 1, true,
                CatalogEvent.NOTIFY, List.of(item)));
        assertThat(text).contains("\"eventType\":\"CATALOG\"", "\"timestamp\":\"2026-03-04T05:06:07.089Z\"",
                "\"sumNum\":1", "\"source\":\"NOTIFY\"", "\"deviceId\":\"34020000001310000001\"", "\"name\":\"大门\"",
                "\"event\":\"ADD\"");
    }

    @Test
    void alarmAndManscdpEvents() throws Exception {
        ManscdpCodec codec = new ManscdpCodec();
        AlarmNotify alarm = (AlarmNotify) codec.decode(("<?xml version=\"1.0\"?><Notify><CmdType>Alarm</CmdType><SN>3</SN>"
                + "<DeviceID>" + DEVICE + "</DeviceID><AlarmPriority>1</AlarmPriority>"
                + "<AlarmTime>2024-05-06T07:08:09</AlarmTime></Notify>").getBytes(StandardCharsets.UTF_8)).message();
        String text = json.writeValueAsString(new AlarmEvent(DEVICE, AlarmEvent.ALARM, AT, "MESSAGE", alarm));
        assertThat(text).contains("\"method\":\"MESSAGE\"", "\"alarmPriority\":\"1\"", "\"sn\":3", "2024-05-06");

        GenericManscdpMessage foo = (GenericManscdpMessage) codec.decode(("<?xml version=\"1.0\"?><Notify><CmdType>FooBar"
                + "</CmdType><SN>4</SN><DeviceID>" + DEVICE + "</DeviceID><Baz>1</Baz></Notify>")
                .getBytes(StandardCharsets.UTF_8)).message();
        String other = json.writeValueAsString(new ManscdpEvent(DEVICE, foo.getEventType(), AT, foo));
        assertThat(other).contains("\"eventType\":\"FOO_BAR\"", "\"Baz\":\"1\"");
    }

    @Test
    void subscriptionEvent() throws Exception {
        String text = json.writeValueAsString(new SubscriptionEvent(DEVICE, SubscriptionEvent.REFUSED, AT, "presence",
                0, 489, "Bad Event"));
        assertThat(text).contains("\"eventType\":\"REFUSED\"", "\"event\":\"presence\"", "\"status\":489",
                "\"reason\":\"Bad Event\"");
    }
}
