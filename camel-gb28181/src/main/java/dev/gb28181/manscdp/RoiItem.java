package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * One region of interest of SVAC encoding (GB/T 28181-2016 Annex A.2.3.2.2 {@code ROIParam/Item}).
 */
public final class RoiItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "ROISeq")
    private Integer roiSeq;

    @JacksonXmlProperty(localName = "TopLeft")
    private Integer topLeft;

    @JacksonXmlProperty(localName = "BottomRight")
    private Integer bottomRight;

    @JacksonXmlProperty(localName = "ROIQP")
    private Integer roiQp;

    public Integer getRoiSeq() {
        return roiSeq;
    }

    public void setRoiSeq(Integer roiSeq) {
        this.roiSeq = roiSeq;
    }

    public Integer getTopLeft() {
        return topLeft;
    }

    public void setTopLeft(Integer topLeft) {
        this.topLeft = topLeft;
    }

    public Integer getBottomRight() {
        return bottomRight;
    }

    public void setBottomRight(Integer bottomRight) {
        this.bottomRight = bottomRight;
    }

    public Integer getRoiQp() {
        return roiQp;
    }

    public void setRoiQp(Integer roiQp) {
        this.roiQp = roiQp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RoiItem other)) {
            return false;
        }
        return Objects.equals(roiSeq, other.roiSeq)
                && Objects.equals(topLeft, other.topLeft)
                && Objects.equals(bottomRight, other.bottomRight)
                && Objects.equals(roiQp, other.roiQp)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roiSeq, topLeft, bottomRight, roiQp, extensionsHash());
    }
}
