package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * One cruise track of a PTZ camera (GB/T 28181-2022 Annex A.2.6 {@code CruiseTrackList/CruiseTrack}).
 */
public final class CruiseTrackSummary extends ManscdpElement {

    @JacksonXmlProperty(localName = "Number")
    private Integer number;

    @JacksonXmlProperty(localName = "Name")
    private String name;

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruiseTrackSummary other)) {
            return false;
        }
        return Objects.equals(number, other.number)
                && Objects.equals(name, other.name)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, name, extensionsHash());
    }
}
