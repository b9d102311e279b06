package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The state of a device's storage cards (GB/T 28181-2022 Annex A.2.6, CmdType {@code SDCardStatus}).
 */
public final class SdCardStatusResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "SDCardStatusInfo")
    private ManscdpList<SdCardItem> sdCardStatusInfo;

    public SdCardStatusResponse() {
        super("SDCardStatus");
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public ManscdpList<SdCardItem> getSdCardStatusInfo() {
        return sdCardStatusInfo;
    }

    public void setSdCardStatusInfo(ManscdpList<SdCardItem> sdCardStatusInfo) {
        this.sdCardStatusInfo = sdCardStatusInfo;
    }
}
