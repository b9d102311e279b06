package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * SVAC encryption and authentication flags (GB/T 28181-2016 Annex A.2.3.2.2 {@code EncryptParam}).
 */
public final class EncryptParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "EncryptionFlag")
    private Integer encryptionFlag;

    @JacksonXmlProperty(localName = "AuthenticationFlag")
    private Integer authenticationFlag;

    public Integer getEncryptionFlag() {
        return encryptionFlag;
    }

    public void setEncryptionFlag(Integer encryptionFlag) {
        this.encryptionFlag = encryptionFlag;
    }

    public Integer getAuthenticationFlag() {
        return authenticationFlag;
    }

    public void setAuthenticationFlag(Integer authenticationFlag) {
        this.authenticationFlag = authenticationFlag;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EncryptParam other)) {
            return false;
        }
        return Objects.equals(encryptionFlag, other.encryptionFlag)
                && Objects.equals(authenticationFlag, other.authenticationFlag)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(encryptionFlag, authenticationFlag, extensionsHash());
    }
}
