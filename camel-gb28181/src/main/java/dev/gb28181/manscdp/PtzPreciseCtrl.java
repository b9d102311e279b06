package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * A precise PTZ position to move to (GB/T 28181-2022 Annex A.2.3.1 {@code PTZPreciseCtrl}): pan and tilt
 * in degrees, zoom.
 */
public final class PtzPreciseCtrl extends ManscdpElement {

    @JacksonXmlProperty(localName = "Pan")
    private Double pan;

    @JacksonXmlProperty(localName = "Tilt")
    private Double tilt;

    @JacksonXmlProperty(localName = "Zoom")
    private Double zoom;

    public Double getPan() {
        return pan;
    }

    public void setPan(Double pan) {
        this.pan = pan;
    }

    public Double getTilt() {
        return tilt;
    }

    public void setTilt(Double tilt) {
        this.tilt = tilt;
    }

    public Double getZoom() {
        return zoom;
    }

    public void setZoom(Double zoom) {
        this.zoom = zoom;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PtzPreciseCtrl other)) {
            return false;
        }
        return Objects.equals(pan, other.pan)
                && Objects.equals(tilt, other.tilt)
                && Objects.equals(zoom, other.zoom)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pan, tilt, zoom, extensionsHash());
    }
}
