package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The points of one cruise track (GB/T 28181-2022 Annex A.2.6, CmdType {@code CruiseTrackQuery}).
 */
public final class CruiseTrackResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Number")
    private Integer number;

    @JacksonXmlProperty(localName = "Name")
    private String name;

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "CruisePointList")
    private CruisePointList cruisePointList;

    public CruiseTrackResponse() {
        super("CruiseTrackQuery");
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public CruisePointList getCruisePointList() {
        return cruisePointList;
    }

    public void setCruisePointList(CruisePointList cruisePointList) {
        this.cruisePointList = cruisePointList;
    }
}
