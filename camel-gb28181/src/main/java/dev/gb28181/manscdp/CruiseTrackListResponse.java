package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A PTZ camera's cruise tracks (GB/T 28181-2022 Annex A.2.6, CmdType {@code CruiseTrackListQuery}).
 */
public final class CruiseTrackListResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "CruiseTrackList")
    private CruiseTrackList cruiseTrackList;

    public CruiseTrackListResponse() {
        super("CruiseTrackListQuery");
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public CruiseTrackList getCruiseTrackList() {
        return cruiseTrackList;
    }

    public void setCruiseTrackList(CruiseTrackList cruiseTrackList) {
        this.cruiseTrackList = cruiseTrackList;
    }
}
