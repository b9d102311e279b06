package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's answer to a {@link DeviceControl} (GB/T 28181-2016 Annex A.2.6.1): {@code Result} OK or ERROR.
 */
@JsonIgnoreProperties(value = { "eventType", "resultValue" }, allowGetters = true)
public final class DeviceControlResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    public DeviceControlResponse() {
        super("DeviceControl");
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
