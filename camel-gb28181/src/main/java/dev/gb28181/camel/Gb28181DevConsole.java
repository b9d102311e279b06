package dev.gb28181.camel;

import dev.gb28181.platform.Channel;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.Subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code gb28181} dev console: for each running {@link Gb28181Component} of the context, its platform's
 * counts, devices (ID, address, transport, online, last keepalive, channel count), the channels the catalogs
 * listed, the media sessions and the subscriptions, as text or JSON. Each list shows at most {@value #LIMIT}
 * entries, or the {@code limit} option; the counts are always complete.
 */
@DevConsole(name = "gb28181", displayName = "GB28181",
            description = "GB/T 28181 platforms: devices, channels, media sessions and subscriptions")
public class Gb28181DevConsole extends AbstractDevConsole {

    /** The option giving how many entries each list shows. */
    public static final String LIMIT_OPTION = "limit";
    static final int LIMIT = 100;

    public Gb28181DevConsole() {
        super("camel", "gb28181", "GB28181", "GB/T 28181 platforms: devices, channels, media sessions and subscriptions");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        int limit = limit(options);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Gb28181Component> entry : components().entrySet()) {
            Gb28181Component component = entry.getValue();
            Gb28181Platform platform = component.platformOrNull();
            sb.append(String.format("Component: %s (SIP ID %s)%n", entry.getKey(),
                    component.getConfiguration().getSipId()));
            if (platform == null) {
                sb.append("    not running\n\n");
                continue;
            }
            sb.append(String.format("    SIP port: %d (bound: %s, trace: %s)%n", platform.sipPort(),
                    platform.isSipBound(), traceText(platform)));
            sb.append(String.format("    Devices: %d registered, %d online; channels: %d; media sessions: %d;"
                    + " subscriptions: %d; queries in flight: %d%n", platform.registry().size(),
                    platform.registry().onlineCount(), platform.channelCount(), platform.mediaSessions().size(),
                    platform.subscriptions().size(), platform.queriesInFlight()));
            sb.append("\n    Devices:\n");
            for (Device d : first(platform.registry().devices(), limit)) {
                sb.append(String.format("        %s %s %s %s last keepalive: %s channels: %d%n", d.deviceId(),
                        d.transport(), d.remoteAddressText(), d.online() ? "online" : "offline",
                        text(d.lastKeepalive()), platform.channels(d.deviceId()).size()));
            }
            sb.append("\n    Channels:\n");
            for (Channel c : first(platform.channels(), limit)) {
                sb.append(String.format("        %s of %s %s %s%n", c.channelId(), c.deviceId(), text(c.name()),
                        text(c.status())));
            }
            sb.append("\n    Media sessions:\n");
            for (MediaSession m : first(platform.mediaSessions(), limit)) {
                sb.append(String.format("        %s %s/%s %s %s SSRC %s port %d since %s holders: %d packets: %d "
                        + "lost: %d%n", m.streamId(), m.deviceId(), m.channelId(), m.mode(), m.transport(), m.ssrc(),
                        m.localMediaPort(), m.startTime(), m.holders(), m.rtpStats().packets(), m.rtpStats().lost()));
            }
            sb.append("\n    Subscriptions:\n");
            for (Subscription s : first(platform.subscriptions(), limit)) {
                sb.append(String.format("        %s %s expires %d s %s%n", s.deviceId(), s.event(), s.expires(),
                        s.active() ? "active" : "ending"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        int limit = limit(options);
        JsonArray platforms = new JsonArray();
        for (Map.Entry<String, Gb28181Component> entry : components().entrySet()) {
            Gb28181Component component = entry.getValue();
            Gb28181Platform platform = component.platformOrNull();
            JsonObject jo = new JsonObject();
            jo.put("component", entry.getKey());
            jo.put("sipId", component.getConfiguration().getSipId());
            jo.put("running", platform != null);
            if (platform != null) {
                addPlatform(jo, platform, limit);
            }
            platforms.add(jo);
        }
        JsonObject root = new JsonObject();
        root.put("platforms", platforms);
        return root;
    }

    private static void addPlatform(JsonObject jo, Gb28181Platform platform, int limit) {
        jo.put("sipPort", platform.sipPort());
        jo.put("sipBound", platform.isSipBound());
        jo.put("sipTrace", platform.sipTrace().isEnabled());
        jo.put("sipTraceDevices", new JsonArray(List.copyOf(platform.sipTrace().deviceIds())));
        jo.put("devicesRegistered", platform.registry().size());
        jo.put("devicesOnline", platform.registry().onlineCount());
        jo.put("channelCount", platform.channelCount());
        jo.put("mediaSessionCount", platform.mediaSessions().size());
        jo.put("subscriptionCount", platform.subscriptions().size());
        jo.put("queriesInFlight", platform.queriesInFlight());
        JsonArray devices = new JsonArray();
        for (Device d : first(platform.registry().devices(), limit)) {
            JsonObject dj = new JsonObject();
            dj.put("deviceId", d.deviceId());
            dj.put("address", d.remoteAddressText());
            dj.put("transport", d.transport().toString());
            dj.put("online", d.online());
            dj.put("lastKeepalive", text(d.lastKeepalive()));
            dj.put("registeredAt", text(d.registeredAt()));
            dj.put("expiresAt", text(d.expiresAt()));
            dj.put("userAgent", d.userAgent());
            dj.put("channels", platform.channels(d.deviceId()).size());
            devices.add(dj);
        }
        jo.put("devices", devices);
        JsonArray channels = new JsonArray();
        for (Channel c : first(platform.channels(), limit)) {
            JsonObject cj = new JsonObject();
            cj.put("deviceId", c.deviceId());
            cj.put("channelId", c.channelId());
            cj.put("name", c.name());
            cj.put("status", c.status());
            cj.put("parentId", c.parentId());
            cj.put("updated", text(c.updated()));
            channels.add(cj);
        }
        jo.put("channels", channels);
        JsonArray sessions = new JsonArray();
        for (MediaSession m : first(platform.mediaSessions(), limit)) {
            JsonObject mj = new JsonObject();
            mj.put("streamId", m.streamId());
            mj.put("callId", m.callId());
            mj.put("deviceId", m.deviceId());
            mj.put("channelId", m.channelId());
            mj.put("mode", m.mode().toString());
            mj.put("transport", m.transport().toString());
            mj.put("ssrc", m.ssrc());
            mj.put("localMediaPort", m.localMediaPort());
            mj.put("startTime", text(m.startTime()));
            mj.put("holders", m.holders());
            mj.put("rtpPackets", m.rtpStats().packets());
            mj.put("rtpBytes", m.rtpStats().bytes());
            mj.put("rtpLost", m.rtpStats().lost());
            sessions.add(mj);
        }
        jo.put("mediaSessions", sessions);
        JsonArray subscriptions = new JsonArray();
        for (Subscription s : first(platform.subscriptions(), limit)) {
            JsonObject sj = new JsonObject();
            sj.put("deviceId", s.deviceId());
            sj.put("event", s.event());
            sj.put("expires", s.expires());
            sj.put("callId", s.callId());
            sj.put("active", s.active());
            subscriptions.add(sj);
        }
        jo.put("subscriptions", subscriptions);
    }

    /** The started gb28181 components of the context by name (none is created by asking). */
    private Map<String, Gb28181Component> components() {
        Map<String, Gb28181Component> found = new TreeMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof Gb28181Component gb) {
                found.put(name, gb);
            }
        }
        return found;
    }

    private static int limit(Map<String, Object> options) {
        Object value = options.get(LIMIT_OPTION);
        return value == null ? LIMIT : Math.max(0, Integer.parseInt(value.toString()));
    }

    private static <T> List<T> first(Collection<T> all, int limit) {
        List<T> list = new ArrayList<>(Math.min(all.size(), limit));
        for (T t : all) {
            if (list.size() == limit) {
                break;
            }
            list.add(t);
        }
        return list;
    }

    private static String traceText(Gb28181Platform platform) {
        if (!platform.sipTrace().isEnabled()) {
            return "off";
        }
        return platform.sipTrace().deviceIds().isEmpty() ? "all devices"
                : String.join(",", platform.sipTrace().deviceIds());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
