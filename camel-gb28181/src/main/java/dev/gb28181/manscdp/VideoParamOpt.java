package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * Video parameter options (GB/T 28181-2016 Annex A.2.6.7 {@code VideoParamOpt}): download speeds
 * ({@code 1/2/4}) and resolutions the device offers.
 */
public final class VideoParamOpt extends ManscdpElement {

    @JacksonXmlProperty(localName = "DownloadSpeed")
    private String downloadSpeed;

    @JacksonXmlProperty(localName = "Resolution")
    private String resolution;

    public String getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(String downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoParamOpt other)) {
            return false;
        }
        return Objects.equals(downloadSpeed, other.downloadSpeed)
                && Objects.equals(resolution, other.resolution)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(downloadSpeed, resolution, extensionsHash());
    }
}
