package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * A device reports an uploaded video (GB/T 28181-2022 Annex A.2.5, CmdType {@code VideoUploadNotify}):
 * the time and where it was taken.
 */
public final class VideoUploadNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "Time")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime time;

    @JacksonXmlProperty(localName = "Longitude")
    private Double longitude;

    @JacksonXmlProperty(localName = "Latitude")
    private Double latitude;

    public VideoUploadNotify() {
        super("VideoUploadNotify");
    }

    public LocalDateTime getTime() {
        return time;
    }

    public void setTime(LocalDateTime time) {
        this.time = time;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }
}
