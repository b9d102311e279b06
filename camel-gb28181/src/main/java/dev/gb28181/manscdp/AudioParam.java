package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC audio parameters (GB/T 28181-2016 Annex A.2.3.2.2 {@code AudioParam}).
 */
public final class AudioParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "AudioRecognitionFlag")
    private Integer audioRecognitionFlag;

    public Integer getAudioRecognitionFlag() {
        return audioRecognitionFlag;
    }

    public void setAudioRecognitionFlag(Integer audioRecognitionFlag) {
        this.audioRecognitionFlag = audioRecognitionFlag;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AudioParam other)) {
            return false;
        }
        return Objects.equals(audioRecognitionFlag, other.audioRecognitionFlag)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(audioRecognitionFlag, extensionsHash());
    }
}
