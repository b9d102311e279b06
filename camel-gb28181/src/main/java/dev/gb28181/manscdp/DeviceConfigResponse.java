package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's answer to a {@link DeviceConfig} (GB/T 28181-2016 Annex A.2.6.3): {@code Result} OK or ERROR.
 */
@JsonIgnoreProperties(value = { "eventType", "resultValue" }, allowGetters = true)
public final class DeviceConfigResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    public DeviceConfigResponse() {
        super("DeviceConfig");
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getResultValue() {
        return OnOff.of(result);
    }
}
