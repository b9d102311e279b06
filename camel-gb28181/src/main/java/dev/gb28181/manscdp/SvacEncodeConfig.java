package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC encoder configuration (GB/T 28181-2016 Annex A.2.3.2.2 {@code SVACEncodeConfig}).
 */
public final class SvacEncodeConfig extends ManscdpElement {

    @JacksonXmlProperty(localName = "ROIParam")
    private RoiParam roiParam;

    @JacksonXmlProperty(localName = "SVCParam")
    private SvcParam svcParam;

    @JacksonXmlProperty(localName = "SurveillanceParam")
    private SurveillanceParam surveillanceParam;

    @JacksonXmlProperty(localName = "EncryptParam")
    private EncryptParam encryptParam;

    @JacksonXmlProperty(localName = "AudioParam")
    private AudioParam audioParam;

    public RoiParam getRoiParam() {
        return roiParam;
    }

    public void setRoiParam(RoiParam roiParam) {
        this.roiParam = roiParam;
    }

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

    public EncryptParam getEncryptParam() {
        return encryptParam;
    }

    public void setEncryptParam(EncryptParam encryptParam) {
        this.encryptParam = encryptParam;
    }

    public AudioParam getAudioParam() {
        return audioParam;
    }

    public void setAudioParam(AudioParam audioParam) {
        this.audioParam = audioParam;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SvacEncodeConfig other)) {
            return false;
        }
        return Objects.equals(roiParam, other.roiParam)
                && Objects.equals(svcParam, other.svcParam)
                && Objects.equals(surveillanceParam, other.surveillanceParam)
                && Objects.equals(encryptParam, other.encryptParam)
                && Objects.equals(audioParam, other.audioParam)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roiParam, svcParam, surveillanceParam, encryptParam, audioParam, extensionsHash());
    }
}
