package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's configuration (GB/T 28181-2016 §9.5, Annex A.2.6; 2022 sections added): {@code Result},
 * then the sections the query's ConfigType named, as {@link DeviceConfigSections} lays them out.
 */
@JsonPropertyOrder({ "cmdType", "sn", "deviceId", "result" })
public final class ConfigDownloadResponse extends ManscdpResponse implements DeviceConfigSections {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    private final Values configValues = new Values();

    public ConfigDownloadResponse() {
        super("ConfigDownload");
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    @Override
    public Values configValues() {
        return configValues;
    }
}
