package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * Parameters of an alarm type (GB/T 28181-2016 Annex A.2.5 {@code AlarmTypeParam}): the event type of a
 * device fault or video analysis alarm.
 */
public final class AlarmTypeParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "EventType")
    private Integer eventType;

    public Integer getEventType() {
        return eventType;
    }

    public void setEventType(Integer eventType) {
        this.eventType = eventType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlarmTypeParam other)) {
            return false;
        }
        return Objects.equals(eventType, other.eventType)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventType, extensionsHash());
    }
}
