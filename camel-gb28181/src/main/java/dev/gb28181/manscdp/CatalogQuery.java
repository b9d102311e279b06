package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * Asks a device for its catalog (GB/T 28181-2016 §9.5.1, Annex A.2.4.3); also the body of a catalog
 * SUBSCRIBE (§9.11.1), where {@code StartTime}/{@code EndTime} bound the changes of interest. The answer
 * is a {@link CatalogResponse}, possibly in parts.
 */
public final class CatalogQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "StartTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime startTime;

    @JacksonXmlProperty(localName = "EndTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime endTime;

    public CatalogQuery() {
        super("Catalog");
    }

    public LocalDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalDateTime startTime) {
        this.startTime = startTime;
    }

    public LocalDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalDateTime endTime) {
        this.endTime = endTime;
    }
}
