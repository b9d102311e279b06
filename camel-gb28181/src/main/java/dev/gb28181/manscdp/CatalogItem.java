package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One device or channel of a catalog (GB/T 28181-2016 Annex A.2.4 {@code itemType}, §9.5; 2022
 * Annex A): in a {@code Response Catalog}, or with {@code Event} in a catalog NOTIFY (§9.11).
 *
 * <p>Real devices differ: fields either at the top level or under {@code <Info>} (both land in one
 * place: main fields here, Info fields in {@link #getInfo()}), status words ON/On/ONLINE/OFF (raw text
 * in {@link #getStatus()}, normalised in {@link #getStatusValue()}), unpadded or zoned times. Items are
 * equal when all their fields are, so a retransmitted part can be recognised.
 */
@JsonIgnoreProperties(value = { "statusValue" }, allowGetters = true)
public final class CatalogItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    @JacksonXmlProperty(localName = "Name")
    private String name;

    @JacksonXmlProperty(localName = "Manufacturer")
    private String manufacturer;

    @JacksonXmlProperty(localName = "Model")
    private String model;

    @JacksonXmlProperty(localName = "Owner")
    private String owner;

    @JacksonXmlProperty(localName = "CivilCode")
    private String civilCode;

    @JacksonXmlProperty(localName = "Block")
    private String block;

    @JacksonXmlProperty(localName = "Address")
    private String address;

    @JacksonXmlProperty(localName = "Parental")
    private Integer parental;

    @JacksonXmlProperty(localName = "ParentID")
    private String parentId;

    @JacksonXmlProperty(localName = "SafetyWay")
    private Integer safetyWay;

    @JacksonXmlProperty(localName = "RegisterWay")
    private Integer registerWay;

    @JacksonXmlProperty(localName = "CertNum")
    private String certNum;

    @JacksonXmlProperty(localName = "Certifiable")
    private Integer certifiable;

    @JacksonXmlProperty(localName = "ErrCode")
    private Integer errCode;

    @JacksonXmlProperty(localName = "EndTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime endTime;

    @JacksonXmlProperty(localName = "Secrecy")
    private Integer secrecy;

    @JacksonXmlProperty(localName = "IPAddress")
    private String ipAddress;

    @JacksonXmlProperty(localName = "Port")
    private Integer port;

    @JacksonXmlProperty(localName = "Password")
    private String password;

    @JacksonXmlProperty(localName = "Status")
    private String status;

    @JacksonXmlProperty(localName = "Longitude")
    private Double longitude;

    @JacksonXmlProperty(localName = "Latitude")
    private Double latitude;

    @JacksonXmlProperty(localName = "StreamNum")
    private Integer streamNum;

    @JacksonXmlProperty(localName = "Event")
    private String event;

    private CatalogInfo info;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getCivilCode() {
        return civilCode;
    }

    public void setCivilCode(String civilCode) {
        this.civilCode = civilCode;
    }

    public String getBlock() {
        return block;
    }

    public void setBlock(String block) {
        this.block = block;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getParental() {
        return parental;
    }

    public void setParental(Integer parental) {
        this.parental = parental;
    }

    /** Parent device, organisation or platform; kept as written (Dahua writes a serial number here). */
    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public Integer getSafetyWay() {
        return safetyWay;
    }

    public void setSafetyWay(Integer safetyWay) {
        this.safetyWay = safetyWay;
    }

    public Integer getRegisterWay() {
        return registerWay;
    }

    public void setRegisterWay(Integer registerWay) {
        this.registerWay = registerWay;
    }

    public String getCertNum() {
        return certNum;
    }

    public void setCertNum(String certNum) {
        this.certNum = certNum;
    }

    public Integer getCertifiable() {
        return certifiable;
    }

    public void setCertifiable(Integer certifiable) {
        this.certifiable = certifiable;
    }

    public Integer getErrCode() {
        return errCode;
    }

    public void setErrCode(Integer errCode) {
        this.errCode = errCode;
    }

    public LocalDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalDateTime endTime) {
        this.endTime = endTime;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The status as the device wrote it (ON, On, ONLINE, OFF...). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Status} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getStatusValue() {
        return OnOff.of(status);
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Integer getStreamNum() {
        return streamNum;
    }

    public void setStreamNum(Integer streamNum) {
        this.streamNum = streamNum;
    }

    /** In catalog NOTIFY items (§9.11): ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE. */
    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CatalogItem other)) {
            return false;
        }
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(name, other.name)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(model, other.model)
                && Objects.equals(owner, other.owner)
                && Objects.equals(civilCode, other.civilCode)
                && Objects.equals(block, other.block)
                && Objects.equals(address, other.address)
                && Objects.equals(parental, other.parental)
                && Objects.equals(parentId, other.parentId)
                && Objects.equals(safetyWay, other.safetyWay)
                && Objects.equals(registerWay, other.registerWay)
                && Objects.equals(certNum, other.certNum)
                && Objects.equals(certifiable, other.certifiable)
                && Objects.equals(errCode, other.errCode)
                && Objects.equals(endTime, other.endTime)
                && Objects.equals(secrecy, other.secrecy)
                && Objects.equals(ipAddress, other.ipAddress)
                && Objects.equals(port, other.port)
                && Objects.equals(password, other.password)
                && Objects.equals(status, other.status)
                && Objects.equals(longitude, other.longitude)
                && Objects.equals(latitude, other.latitude)
                && Objects.equals(streamNum, other.streamNum)
                && Objects.equals(event, other.event)
                && Objects.equals(info, other.info)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, name, manufacturer, model, owner, civilCode, block, address, parental,
                parentId, safetyWay, registerWay, certNum, certifiable, errCode, endTime, secrecy,
                ipAddress, port, password, status, longitude, latitude, streamNum, event, info,
                extensionsHash());
    }

    /** The Info part, or {@code null}; Info fields devices write at the item's top level are collected here too. */
    @JacksonXmlProperty(localName = "Info")
    public CatalogInfo getInfo() {
        return info;
    }

    /** The Info part, created when absent, to set its fields. */
    public CatalogInfo editInfo() {
        if (info == null) {
            info = new CatalogInfo();
        }
        return info;
    }

    /**
     * Reads {@code <Info>}: its fields join those already collected (some devices write them at the
     * top level), and item fields some devices misplace under {@code <Info>} move to the item.
     */
    @JacksonXmlProperty(localName = "Info")
    @JsonSetter("info")
    void readInfo(CatalogInfo read) {
        read.removeExtensions((element, value) -> value instanceof String text && adopt(element, text.trim()));
        if (info == null) {
            info = read;
        } else {
            info.mergeFrom(read);
        }
    }

    /** Takes a main field found under {@code <Info>}, unless the item has it already. */
    private boolean adopt(String element, String text) {
        switch (element) {
            case "DeviceID" -> deviceId = deviceId != null ? deviceId : text;
            case "Name" -> name = name != null ? name : text;
            case "Manufacturer" -> manufacturer = manufacturer != null ? manufacturer : text;
            case "Model" -> model = model != null ? model : text;
            case "Owner" -> owner = owner != null ? owner : text;
            case "CivilCode" -> civilCode = civilCode != null ? civilCode : text;
            case "Block" -> block = block != null ? block : text;
            case "Address" -> address = address != null ? address : text;
            case "ParentID" -> parentId = parentId != null ? parentId : text;
            case "IPAddress" -> ipAddress = ipAddress != null ? ipAddress : text;
            case "Status" -> status = status != null ? status : text;
            case "Event" -> event = event != null ? event : text;
            default -> {
                return false;
            }
        }
        return true;
    }
    @JacksonXmlProperty(localName = "PTZType")
    void setTopLevelPtzType(Integer value) {
        editInfo().setPtzType(value);
    }

    @JacksonXmlProperty(localName = "PositionType")
    void setTopLevelPositionType(Integer value) {
        editInfo().setPositionType(value);
    }

    @JacksonXmlProperty(localName = "RoomType")
    void setTopLevelRoomType(Integer value) {
        editInfo().setRoomType(value);
    }

    @JacksonXmlProperty(localName = "UseType")
    void setTopLevelUseType(Integer value) {
        editInfo().setUseType(value);
    }

    @JacksonXmlProperty(localName = "SupplyLightType")
    void setTopLevelSupplyLightType(Integer value) {
        editInfo().setSupplyLightType(value);
    }

    @JacksonXmlProperty(localName = "DirectionType")
    void setTopLevelDirectionType(Integer value) {
        editInfo().setDirectionType(value);
    }

    @JacksonXmlProperty(localName = "Resolution")
    void setTopLevelResolution(String value) {
        editInfo().setResolution(value);
    }

    @JacksonXmlProperty(localName = "BusinessGroupID")
    void setTopLevelBusinessGroupId(String value) {
        editInfo().setBusinessGroupId(value);
    }

    @JacksonXmlProperty(localName = "DownloadSpeed")
    void setTopLevelDownloadSpeed(String value) {
        editInfo().setDownloadSpeed(value);
    }

    @JacksonXmlProperty(localName = "SVCSpaceSupportMode")
    void setTopLevelSvcSpaceSupportMode(Integer value) {
        editInfo().setSvcSpaceSupportMode(value);
    }

    @JacksonXmlProperty(localName = "SVCTimeSupportMode")
    void setTopLevelSvcTimeSupportMode(Integer value) {
        editInfo().setSvcTimeSupportMode(value);
    }

    @JacksonXmlProperty(localName = "SSVCRatioSupportList")
    void setTopLevelSsvcRatioSupportList(String value) {
        editInfo().setSsvcRatioSupportList(value);
    }

    @JacksonXmlProperty(localName = "MobileDeviceType")
    void setTopLevelMobileDeviceType(Integer value) {
        editInfo().setMobileDeviceType(value);
    }

    @JacksonXmlProperty(localName = "HorizontalFieldAngle")
    void setTopLevelHorizontalFieldAngle(Double value) {
        editInfo().setHorizontalFieldAngle(value);
    }

    @JacksonXmlProperty(localName = "VerticalFieldAngle")
    void setTopLevelVerticalFieldAngle(Double value) {
        editInfo().setVerticalFieldAngle(value);
    }

    @JacksonXmlProperty(localName = "MaxViewDistance")
    void setTopLevelMaxViewDistance(Double value) {
        editInfo().setMaxViewDistance(value);
    }

    @JacksonXmlProperty(localName = "GrassrootsCode")
    void setTopLevelGrassrootsCode(String value) {
        editInfo().setGrassrootsCode(value);
    }

    @JacksonXmlProperty(localName = "PointType")
    void setTopLevelPointType(Integer value) {
        editInfo().setPointType(value);
    }

    @JacksonXmlProperty(localName = "PointCommonName")
    void setTopLevelPointCommonName(String value) {
        editInfo().setPointCommonName(value);
    }

    @JacksonXmlProperty(localName = "MAC")
    void setTopLevelMac(String value) {
        editInfo().setMac(value);
    }

    @JacksonXmlProperty(localName = "FunctionType")
    void setTopLevelFunctionType(String value) {
        editInfo().setFunctionType(value);
    }

    @JacksonXmlProperty(localName = "EncodeType")
    void setTopLevelEncodeType(String value) {
        editInfo().setEncodeType(value);
    }

    @JacksonXmlProperty(localName = "InstallTime")
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    void setTopLevelInstallTime(LocalDateTime value) {
        editInfo().setInstallTime(value);
    }

    @JacksonXmlProperty(localName = "ManagementUnit")
    void setTopLevelManagementUnit(String value) {
        editInfo().setManagementUnit(value);
    }

    @JacksonXmlProperty(localName = "ContactInfo")
    void setTopLevelContactInfo(String value) {
        editInfo().setContactInfo(value);
    }

    @JacksonXmlProperty(localName = "RecordSaveDays")
    void setTopLevelRecordSaveDays(Integer value) {
        editInfo().setRecordSaveDays(value);
    }

    @JacksonXmlProperty(localName = "IndustrialClassification")
    void setTopLevelIndustrialClassification(String value) {
        editInfo().setIndustrialClassification(value);
    }
}
