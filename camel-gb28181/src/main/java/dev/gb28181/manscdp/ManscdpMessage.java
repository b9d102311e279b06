package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A MANSCDP message (GB/T 28181-2016 Annex A.2.1, 2022 Annex A): a root element ({@link #root()}),
 * the {@code CmdType} naming the command, the {@code SN} that pairs a query with its answer (§9.x,
 * Annex N for split answers) and the {@code DeviceID} of the device or channel it is about.
 *
 * <p>Bean properties are camelCase so that a plain JSON mapper writes readable events; the XML
 * element names come from {@link JacksonXmlProperty} only. {@link #getEventType()} is JSON-only.
 * Elements a subclass does not model are kept in {@link #getExtensions()}.
 */
@JsonPropertyOrder({ "cmdType", "sn", "deviceId" })
@JsonIgnoreProperties(value = { "eventType" }, allowGetters = true)
public abstract class ManscdpMessage extends ManscdpElement {

    @JacksonXmlProperty(localName = "CmdType")
    private String cmdType;

    @JacksonXmlProperty(localName = "SN")
    private Long sn;

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    protected ManscdpMessage(String cmdType) {
        this.cmdType = cmdType;
    }

    /** The root element this message is written under. */
    public abstract ManscdpRoot root();

    public String getCmdType() {
        return cmdType;
    }

    /** Keeps the CmdType as the device spelled it; typed classes are chosen by the codec, not by this value. */
    public void setCmdType(String cmdType) {
        this.cmdType = cmdType;
    }

    public Long getSn() {
        return sn;
    }

    public void setSn(Long sn) {
        this.sn = sn;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /**
     * The CmdType in UPPER_SNAKE case, the event type of JSON events: {@code DeviceInfo} ->
     * {@code DEVICE_INFO}, {@code PTZPosition} -> {@code PTZ_POSITION}. JSON only.
     */
    @JsonOnly
    public String getEventType() {
        return upperSnake(cmdType);
    }

    static String upperSnake(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && out.charAt(out.length() - 1) != '_') {
                char before = name.charAt(i - 1);
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
                        || Character.isUpperCase(before) && i + 1 < name.length()
                                && Character.isLowerCase(name.charAt(i + 1));
                if (wordStart) {
                    out.append('_');
                }
            }
            out.append(c == '-' || c == ' ' ? '_' : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** Copies the common fields and the extensions of {@code other} (for copies of split parts). */
    void copyCommon(ManscdpMessage other) {
        cmdType = other.cmdType;
        sn = other.sn;
        deviceId = other.deviceId;
        copyExtensions(other);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + root().xmlName() + " " + cmdType + " SN " + sn + " DeviceID "
                + deviceId + "]";
    }
}
