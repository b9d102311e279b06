package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.AlarmNotify;
import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.DeviceInfoResponse;
import dev.gb28181.platform.AlarmEvent;
import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.RegisterEvent;
import dev.gb28181.platform.StatusEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The event bodies as {@code marshal().json()} (camel-jackson, default settings) writes them. */
class Gb28181EventJsonTest extends CamelTestSupport {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json").marshal().json().convertBodyTo(String.class);
            }
        };
    }

    private String json(Object event) {
        return template.requestBody("direct:json", event, String.class);
    }

    @Test
    void registerEvent() {
        String json = json(new RegisterEvent("34020000001320000001", RegisterEvent.REGISTERED, AT, "UDP",
                "192.168.1.64:5060", 3600, "IP Camera"));

        assertThat(json).startsWith("{").doesNotContain("\n")
                .contains("\"deviceId\":\"34020000001320000001\"")
                .contains("\"eventType\":\"REGISTERED\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"transport\":\"UDP\"")
                .contains("\"remoteAddress\":\"192.168.1.64:5060\"")
                .contains("\"expires\":3600")
                .contains("\"userAgent\":\"IP Camera\"");
    }

    @Test
    void keepaliveEvent() {
        String json = json(new KeepaliveEvent("34020000001320000001", KeepaliveEvent.KEEPALIVE, AT, "42", "OK", "TCP",
                "10.0.0.2:40000"));

        assertThat(json).contains("\"eventType\":\"KEEPALIVE\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"sn\":\"42\"")
                .contains("\"status\":\"OK\"")
                .contains("\"remoteAddress\":\"10.0.0.2:40000\"");
    }

    @Test
    void statusEvent() {
        String json = json(new StatusEvent("34020000001320000001", StatusEvent.OFFLINE, AT, "KEEPALIVE_TIMEOUT"));

        assertThat(json).contains("\"deviceId\":\"34020000001320000001\"")
                .contains("\"eventType\":\"OFFLINE\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"reason\":\"KEEPALIVE_TIMEOUT\"");
    }

    @Test
    void catalogEventWithItemEvents() {
        CatalogItem item = new CatalogItem();
        item.setDeviceId("34020000001310000001");
        item.setName("大门");
        item.setEvent("OFF");
        String json = json(new CatalogEvent("34020000001180000001", CatalogEvent.CATALOG, AT, 7L, 1, 1, true,
                CatalogEvent.NOTIFY, List.of(item)));

        assertThat(json).contains("\"deviceId\":\"34020000001180000001\"")
                .contains("\"eventType\":\"CATALOG\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"source\":\"NOTIFY\"")
                .contains("\"complete\":true")
                .contains("\"items\":[{\"deviceId\":\"34020000001310000001\",\"name\":\"大门\"")
                .contains("\"event\":\"OFF\"");
    }

    @Test
    void alarmEventWithItsNotify() {
        AlarmNotify alarm = new AlarmNotify();
        alarm.setCmdType("Alarm");
        alarm.setSn(9L);
        alarm.setDeviceId("34020000001340000001");
        alarm.setAlarmPriority("1");
        alarm.setAlarmTime(LocalDateTime.of(2026, 3, 4, 13, 6, 7));
        String json = json(new AlarmEvent("34020000001180000001", AlarmEvent.ALARM, AT, "MESSAGE", alarm));

        assertThat(json).contains("\"deviceId\":\"34020000001180000001\"")
                .contains("\"eventType\":\"ALARM\"")
                .contains("\"method\":\"MESSAGE\"")
                .contains("\"alarmPriority\":\"1\"")
                .contains("\"alarmTime\":\"2026-03-04T13:06:07\"");
    }

    @Test
    void queryAnswerNamesItsDeviceAndEventType() {
        DeviceInfoResponse answer = new DeviceInfoResponse();
        answer.setCmdType("DeviceInfo");
        answer.setSn(3L);
        answer.setDeviceId("34020000001320000001");
        answer.setManufacturer("Hikvision");

        assertThat(json(answer)).contains("\"deviceId\":\"34020000001320000001\"")
                .contains("\"eventType\":\"DEVICE_INFO\"")
                .contains("\"manufacturer\":\"Hikvision\"");
        assertThat(json(new SubscriptionInfo("34020000001320000001", "Catalog", 3600)))
                .isEqualTo("{\"deviceId\":\"34020000001320000001\",\"event\":\"Catalog\",\"expires\":3600}");
    }
}
