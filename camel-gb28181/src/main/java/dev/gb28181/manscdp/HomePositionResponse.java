package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A PTZ camera's home position settings (GB/T 28181-2022 Annex A.2.6, CmdType {@code HomePositionQuery}).
 */
public final class HomePositionResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "HomePosition")
    private HomePosition homePosition;

    public HomePositionResponse() {
        super("HomePositionQuery");
    }

    public HomePosition getHomePosition() {
        return homePosition;
    }

    public void setHomePosition(HomePosition homePosition) {
        this.homePosition = homePosition;
    }
}
