package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC scalable coding parameters (GB/T 28181-2016 Annex A.2.3.2.2-3 {@code SVCParam}): the encoder's
 * space/time domain modes and supported modes, the decoder's {@code SVCSTMMode}.
 */
public final class SvcParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "SVCSpaceDomainMode")
    private Integer svcSpaceDomainMode;

    @JacksonXmlProperty(localName = "SVCTimeDomainMode")
    private Integer svcTimeDomainMode;

    @JacksonXmlProperty(localName = "SVCSpaceSupportMode")
    private Integer svcSpaceSupportMode;

    @JacksonXmlProperty(localName = "SVCTimeSupportMode")
    private Integer svcTimeSupportMode;

    @JacksonXmlProperty(localName = "SVCSTMMode")
    private Integer svcStmMode;

    public Integer getSvcSpaceDomainMode() {
        return svcSpaceDomainMode;
    }

    public void setSvcSpaceDomainMode(Integer svcSpaceDomainMode) {
        this.svcSpaceDomainMode = svcSpaceDomainMode;
    }

    public Integer getSvcTimeDomainMode() {
        return svcTimeDomainMode;
    }

    public void setSvcTimeDomainMode(Integer svcTimeDomainMode) {
        this.svcTimeDomainMode = svcTimeDomainMode;
    }

    public Integer getSvcSpaceSupportMode() {
        return svcSpaceSupportMode;
    }

    public void setSvcSpaceSupportMode(Integer svcSpaceSupportMode) {
        this.svcSpaceSupportMode = svcSpaceSupportMode;
    }

    public Integer getSvcTimeSupportMode() {
        return svcTimeSupportMode;
    }

    public void setSvcTimeSupportMode(Integer svcTimeSupportMode) {
        this.svcTimeSupportMode = svcTimeSupportMode;
    }

    public Integer getSvcStmMode() {
        return svcStmMode;
    }

    public void setSvcStmMode(Integer svcStmMode) {
        this.svcStmMode = svcStmMode;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SvcParam other)) {
            return false;
        }
        return Objects.equals(svcSpaceDomainMode, other.svcSpaceDomainMode)
                && Objects.equals(svcTimeDomainMode, other.svcTimeDomainMode)
                && Objects.equals(svcSpaceSupportMode, other.svcSpaceSupportMode)
                && Objects.equals(svcTimeSupportMode, other.svcTimeSupportMode)
                && Objects.equals(svcStmMode, other.svcStmMode)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(svcSpaceDomainMode, svcTimeDomainMode, svcSpaceSupportMode, svcTimeSupportMode,
                svcStmMode, extensionsHash());
    }
}
