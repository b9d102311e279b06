package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.AlarmEvent;
import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.ManscdpEvent;
import dev.gb28181.platform.MobilePositionEvent;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;

import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The MANSCDP consumer kinds (catalog, alarm, mobileposition, message) receive what a simulated
 * device sends, with the event record as body and the device, event type, CmdType, SN and channel
 * as headers (GB/T 28181-2016 §9.4, §9.5, §9.11, Annex A).
 */
class Gb28181ManscdpConsumerTest extends Gb28181TestSupport {

    private static final String NVR = "34020000001180000002";
    private static final String ALARM_INPUT = "34020000001340000005";
    private static final Charset GB2312 = Charset.forName("GB2312");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:catalog").to("mock:catalog");
                from("gb28181:alarm").to("mock:alarm");
                from("gb28181:mobileposition").to("mock:position");
                from("gb28181:message").to("mock:message");
            }
        };
    }

    private TestDevice registeredNvr() {
        TestDevice nvr = device(Transport.UDP, NVR);
        assertThat(nvr.register(3600).status()).isEqualTo(200);
        return nvr;
    }

    @Test
    void alarmOfAnAlarmInputWithHeaders() throws Exception {
        TestDevice nvr = registeredNvr();
        MockEndpoint alarm = getMockEndpoint("mock:alarm");
        alarm.expectedMessageCount(1);

        assertThat(nvr.message(manscdp("Notify", "Alarm", 77, ALARM_INPUT, "<AlarmPriority>1</AlarmPriority>\r\n"
                + "<AlarmMethod>2</AlarmMethod>\r\n<AlarmTime>2024-01-31T08:00:00</AlarmTime>\r\n"), GB2312).status())
                .isEqualTo(200);

        alarm.assertIsSatisfied();
        Message in = alarm.getExchanges().get(0).getMessage();
        assertThat(in.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(NVR);
        assertThat(in.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("ALARM");
        assertThat(in.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("Alarm");
        assertThat(in.getHeader(Gb28181Constants.SN)).isEqualTo(77L);
        assertThat(in.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(ALARM_INPUT);
        AlarmEvent event = in.getBody(AlarmEvent.class);
        assertThat(event.deviceId()).isEqualTo(NVR);
        assertThat(event.method()).isEqualTo("MESSAGE");
        assertThat(event.alarm().getDeviceId()).isEqualTo(ALARM_INPUT);
    }

    @Test
    void mobilePositionWithHeaders() throws Exception {
        TestDevice nvr = registeredNvr();
        MockEndpoint position = getMockEndpoint("mock:position");
        position.expectedMessageCount(1);

        nvr.message(manscdp("Notify", "MobilePosition", 78, NVR, "<Time>2024-01-31T08:00:00</Time>\r\n"
                + "<Longitude>116.3</Longitude>\r\n<Latitude>39.9</Latitude>\r\n"), GB2312);

        position.assertIsSatisfied();
        Message in = position.getExchanges().get(0).getMessage();
        assertThat(in.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("MOBILE_POSITION");
        assertThat(in.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("MobilePosition");
        assertThat(in.getHeader(Gb28181Constants.SN)).isEqualTo(78L);
        assertThat(in.getHeaders()).doesNotContainKey(Gb28181Constants.CHANNEL_ID);
        assertThat(in.getBody(MobilePositionEvent.class).position().getSn()).isEqualTo(78L);
    }

    @Test
    void unsolicitedCatalogWithHeaders() throws Exception {
        TestDevice nvr = registeredNvr();
        MockEndpoint catalog = getMockEndpoint("mock:catalog");
        catalog.expectedMessageCount(1);

        nvr.message(manscdp("Response", "Catalog", 79, NVR, "<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n"
                + "<Item>\r\n<DeviceID>34020000001310000003</DeviceID>\r\n<Name>Gate</Name>\r\n<Status>ON</Status>\r\n"
                + "</Item>\r\n</DeviceList>\r\n"), GB2312);

        catalog.assertIsSatisfied();
        Message in = catalog.getExchanges().get(0).getMessage();
        assertThat(in.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(NVR);
        assertThat(in.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("CATALOG");
        assertThat(in.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("Catalog");
        assertThat(in.getHeader(Gb28181Constants.SN)).isEqualTo(79L);
        CatalogEvent event = in.getBody(CatalogEvent.class);
        assertThat(event.complete()).isTrue();
        assertThat(event.items()).hasSize(1);
    }

    @Test
    void anyOtherMessageWithHeaders() throws Exception {
        TestDevice nvr = registeredNvr();
        MockEndpoint message = getMockEndpoint("mock:message");
        message.expectedMessageCount(2);

        nvr.message(manscdp("Notify", "MediaStatus", 80, NVR, "<NotifyType>121</NotifyType>\r\n"), GB2312);
        nvr.message(manscdp("Notify", "FooBar", 81, NVR, "<Baz>1</Baz>\r\n"), GB2312);

        message.assertIsSatisfied();
        Message media = message.getExchanges().get(0).getMessage();
        assertThat(media.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("MEDIA_STATUS");
        assertThat(media.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("MediaStatus");
        assertThat(media.getHeader(Gb28181Constants.SN)).isEqualTo(80L);
        assertThat(media.getBody(ManscdpEvent.class).message().getCmdType()).isEqualTo("MediaStatus");
        Message unknown = message.getExchanges().get(1).getMessage();
        assertThat(unknown.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("FOO_BAR");
        assertThat(unknown.getBody(ManscdpEvent.class).message().getExtensions()).containsKey("Baz");
        assertThat(getMockEndpoint("mock:alarm").getReceivedCounter()).isZero();
    }
}
