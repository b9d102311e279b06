package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.CatalogItem;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How catalogs, their parts and catalog notifications change the channels the platform knows. */
class ChannelDirectoryTest {

    private static final String DEVICE = "34020000001180000001";
    private final ChannelDirectory directory = new ChannelDirectory();

    private static CatalogItem item(String channelId, String name, String status, String event) {
        CatalogItem item = new CatalogItem();
        item.setDeviceId(channelId);
        item.setName(name);
        item.setStatus(status);
        item.setEvent(event);
        return item;
    }

    private void catalog(String source, boolean complete, CatalogItem... items) {
        directory.onEvent(new CatalogEvent(DEVICE, CatalogEvent.CATALOG, Instant.now(), 1L, items.length,
                items.length, complete, source, List.of(items)));
    }

    private String status(String channelId) {
        return directory.channels(DEVICE).stream().filter(c -> c.channelId().equals(channelId)).findFirst()
                .map(Channel::status).orElse("absent");
    }

    @Test
    void aCompleteCatalogReplacesAPartialOneAddsAndNotificationsApplyTheirEvent() {
        catalog(CatalogEvent.QUERY, true, item("1", "Gate", "ON", null), item("2", "Hall", "ON", null));
        catalog(CatalogEvent.QUERY, false, item("3", "Yard", "OFF", null));
        assertThat(directory.count()).isEqualTo(3);

        catalog(CatalogEvent.NOTIFY, true, item("1", null, null, "OFF"), item("2", null, null, "DEL"),
                item("4", "Roof", "ON", "ADD"), item("3", null, null, "VLOST"));
        assertThat(status("1")).isEqualTo("OFF");
        assertThat(directory.channels(DEVICE).stream().filter(c -> c.channelId().equals("1")).findFirst()
                .orElseThrow().name()).isEqualTo("Gate");
        assertThat(status("2")).isEqualTo("absent");
        assertThat(status("3")).isEqualTo("VLOST");
        assertThat(status("4")).isEqualTo("ON");

        catalog(CatalogEvent.UNSOLICITED, true, item("5", "Lobby", "ON", null));
        assertThat(directory.channels(DEVICE)).extracting(Channel::channelId).containsExactly("5");
        assertThat(directory.all()).hasSize(1);
    }

    @Test
    void aDeviceThatLeavesLosesItsChannelsOneThatMissedKeepalivesKeepsThem() {
        catalog(CatalogEvent.QUERY, true, item("1", "Gate", "ON", null));
        directory.onEvent(new StatusEvent(DEVICE, StatusEvent.OFFLINE, Instant.now(),
                DeviceLifecycle.REASON_KEEPALIVE_TIMEOUT));
        assertThat(directory.count()).isEqualTo(1);

        directory.onEvent(new StatusEvent(DEVICE, StatusEvent.OFFLINE, Instant.now(),
                DeviceLifecycle.REASON_REGISTRATION_EXPIRED));
        assertThat(directory.count()).isZero();
        assertThat(directory.channels(DEVICE)).isEmpty();
    }
}
