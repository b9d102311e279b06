package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC surveillance extension flags (GB/T 28181-2016 Annex A.2.3.2.2-3 {@code SurveillanceParam}): time,
 * event and alert information written by the encoder and shown by the decoder (the standard spells the
 * last decoder flag {@code AlerShowtFlag}).
 */
public final class SurveillanceParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "TimeFlag")
    private Integer timeFlag;

    @JacksonXmlProperty(localName = "EventFlag")
    private Integer eventFlag;

    @JacksonXmlProperty(localName = "AlertFlag")
    private Integer alertFlag;

    @JacksonXmlProperty(localName = "TimeShowFlag")
    private Integer timeShowFlag;

    @JacksonXmlProperty(localName = "EventShowFlag")
    private Integer eventShowFlag;

    @JacksonXmlProperty(localName = "AlerShowtFlag")
    private Integer alertShowFlag;

    public Integer getTimeFlag() {
        return timeFlag;
    }

    public void setTimeFlag(Integer timeFlag) {
        this.timeFlag = timeFlag;
    }

    public Integer getEventFlag() {
        return eventFlag;
    }

    public void setEventFlag(Integer eventFlag) {
        this.eventFlag = eventFlag;
    }

    public Integer getAlertFlag() {
        return alertFlag;
    }

    public void setAlertFlag(Integer alertFlag) {
        this.alertFlag = alertFlag;
    }

    public Integer getTimeShowFlag() {
        return timeShowFlag;
    }

    public void setTimeShowFlag(Integer timeShowFlag) {
        this.timeShowFlag = timeShowFlag;
    }

    public Integer getEventShowFlag() {
        return eventShowFlag;
    }

    public void setEventShowFlag(Integer eventShowFlag) {
        this.eventShowFlag = eventShowFlag;
    }

    public Integer getAlertShowFlag() {
        return alertShowFlag;
    }

    public void setAlertShowFlag(Integer alertShowFlag) {
        this.alertShowFlag = alertShowFlag;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SurveillanceParam other)) {
            return false;
        }
        return Objects.equals(timeFlag, other.timeFlag)
                && Objects.equals(eventFlag, other.eventFlag)
                && Objects.equals(alertFlag, other.alertFlag)
                && Objects.equals(timeShowFlag, other.timeShowFlag)
                && Objects.equals(eventShowFlag, other.eventShowFlag)
                && Objects.equals(alertShowFlag, other.alertShowFlag)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeFlag, eventFlag, alertFlag, timeShowFlag, eventShowFlag, alertShowFlag,
                extensionsHash());
    }
}
