package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's answer to a {@link BroadcastNotify} (GB/T 28181-2016 §9.12, Annex A.2.6.10): {@code Result}
 * OK (it will INVITE the platform for audio) or ERROR.
 */
@JsonIgnoreProperties(value = { "eventType", "resultValue" }, allowGetters = true)
public final class BroadcastResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    public BroadcastResponse() {
        super("Broadcast");
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
