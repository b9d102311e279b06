package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The acknowledgement of an alarm (GB/T 28181-2016 §9.4, Annex A.2.6.? {@code Response Alarm}) with
 * {@code Result} OK: what the platform sends after answering an {@link AlarmNotify} with 200.
 */
public final class AlarmResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    public AlarmResponse() {
        super("Alarm");
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
