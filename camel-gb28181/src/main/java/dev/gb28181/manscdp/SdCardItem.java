package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * One storage card (GB/T 28181-2022 Annex A.2.6 {@code SDCardStatusInfo/Item}): ID, name, status,
 * format progress, capacity and free space.
 */
public final class SdCardItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "ID")
    private Integer id;

    @JacksonXmlProperty(localName = "HddName")
    private String hddName;

    @JacksonXmlProperty(localName = "Status")
    private String status;

    @JacksonXmlProperty(localName = "FormatProgress")
    private Integer formatProgress;

    @JacksonXmlProperty(localName = "Capacity")
    private Double capacity;

    @JacksonXmlProperty(localName = "FreeSpace")
    private Double freeSpace;

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getHddName() {
        return hddName;
    }

    public void setHddName(String hddName) {
        this.hddName = hddName;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getFormatProgress() {
        return formatProgress;
    }

    public void setFormatProgress(Integer formatProgress) {
        this.formatProgress = formatProgress;
    }

    public Double getCapacity() {
        return capacity;
    }

    public void setCapacity(Double capacity) {
        this.capacity = capacity;
    }

    public Double getFreeSpace() {
        return freeSpace;
    }

    public void setFreeSpace(Double freeSpace) {
        this.freeSpace = freeSpace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SdCardItem other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(hddName, other.hddName)
                && Objects.equals(status, other.status)
                && Objects.equals(formatProgress, other.formatProgress)
                && Objects.equals(capacity, other.capacity)
                && Objects.equals(freeSpace, other.freeSpace)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, hddName, status, formatProgress, capacity, freeSpace, extensionsHash());
    }
}
