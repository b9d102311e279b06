package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC decoder configuration (GB/T 28181-2016 Annex A.2.3.2.3 {@code SVACDecodeConfig}).
 */
public final class SvacDecodeConfig extends ManscdpElement {

    @JacksonXmlProperty(localName = "SVCParam")
    private SvcParam svcParam;

    @JacksonXmlProperty(localName = "SurveillanceParam")
    private SurveillanceParam surveillanceParam;

    public SvcParam getSvcParam() {
        return svcParam;
    }

    public void setSvcParam(SvcParam svcParam) {
        this.svcParam = svcParam;
    }

    public SurveillanceParam getSurveillanceParam() {
        return surveillanceParam;
    }

    public void setSurveillanceParam(SurveillanceParam surveillanceParam) {
        this.surveillanceParam = surveillanceParam;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SvacDecodeConfig other)) {
            return false;
        }
        return Objects.equals(svcParam, other.svcParam)
                && Objects.equals(surveillanceParam, other.surveillanceParam)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(svcParam, surveillanceParam, extensionsHash());
    }
}
