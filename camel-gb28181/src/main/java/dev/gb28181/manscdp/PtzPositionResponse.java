package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A PTZ camera's precise position (GB/T 28181-2022 Annex A.2.6, CmdType {@code PTZPosition}): pan and
 * tilt in degrees, zoom, and the field of view.
 */
public final class PtzPositionResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Pan")
    private Double pan;

    @JacksonXmlProperty(localName = "Tilt")
    private Double tilt;

    @JacksonXmlProperty(localName = "Zoom")
    private Double zoom;

    @JacksonXmlProperty(localName = "HorizontalFieldAngle")
    private Double horizontalFieldAngle;

    @JacksonXmlProperty(localName = "VerticalFieldAngle")
    private Double verticalFieldAngle;

    @JacksonXmlProperty(localName = "MaxViewDistance")
    private Double maxViewDistance;

    public PtzPositionResponse() {
        super("PTZPosition");
    }

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

    public Double getHorizontalFieldAngle() {
        return horizontalFieldAngle;
    }

    public void setHorizontalFieldAngle(Double horizontalFieldAngle) {
        this.horizontalFieldAngle = horizontalFieldAngle;
    }

    public Double getVerticalFieldAngle() {
        return verticalFieldAngle;
    }

    public void setVerticalFieldAngle(Double verticalFieldAngle) {
        this.verticalFieldAngle = verticalFieldAngle;
    }

    public Double getMaxViewDistance() {
        return maxViewDistance;
    }

    public void setMaxViewDistance(Double maxViewDistance) {
        this.maxViewDistance = maxViewDistance;
    }
}
