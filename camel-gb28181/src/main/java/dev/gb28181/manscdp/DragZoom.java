package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * A rectangle to zoom into or out of (GB/T 28181-2016 Annex A.2.3.1.6-7 {@code DragZoomIn/DragZoomOut}):
 * the window's size and the rectangle's centre and size, in pixels of the window.
 */
public final class DragZoom extends ManscdpElement {

    @JacksonXmlProperty(localName = "Length")
    private Integer length;

    @JacksonXmlProperty(localName = "Width")
    private Integer width;

    @JacksonXmlProperty(localName = "MidPointX")
    private Integer midPointX;

    @JacksonXmlProperty(localName = "MidPointY")
    private Integer midPointY;

    @JacksonXmlProperty(localName = "LengthX")
    private Integer lengthX;

    @JacksonXmlProperty(localName = "LengthY")
    private Integer lengthY;

    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getMidPointX() {
        return midPointX;
    }

    public void setMidPointX(Integer midPointX) {
        this.midPointX = midPointX;
    }

    public Integer getMidPointY() {
        return midPointY;
    }

    public void setMidPointY(Integer midPointY) {
        this.midPointY = midPointY;
    }

    public Integer getLengthX() {
        return lengthX;
    }

    public void setLengthX(Integer lengthX) {
        this.lengthX = lengthX;
    }

    public Integer getLengthY() {
        return lengthY;
    }

    public void setLengthY(Integer lengthY) {
        this.lengthY = lengthY;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DragZoom other)) {
            return false;
        }
        return Objects.equals(length, other.length)
                && Objects.equals(width, other.width)
                && Objects.equals(midPointX, other.midPointX)
                && Objects.equals(midPointY, other.midPointY)
                && Objects.equals(lengthX, other.lengthX)
                && Objects.equals(lengthY, other.lengthY)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, width, midPointX, midPointY, lengthX, lengthY, extensionsHash());
    }
}
